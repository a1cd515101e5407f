/**
 * The interface in five languages, in real Chromium: a Polish browser gets Polish pages and
 * `<html lang="pl">`; a participant who chooses German when joining sees the workshop in German;
 * a facilitator switches to Swedish in the header and keeps it on another device after signing in.
 * Texts are read from the message files, so the test follows the translations. axe on each state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, signIn, signOut, waitForHydration, waitForPath } from './helpers/app';
import { addWorkshop } from './helpers/join-data';
import { Fixtures } from '../helpers/fixtures';
import { user } from '../../src/lib/server/db/schema';

const MESSAGES = resolve(import.meta.dirname, '../../src/lib/i18n/messages');
const text = (locale: string, key: string): string => (JSON.parse(readFileSync(`${MESSAGES}/${locale}.json`, 'utf8')) as Record<string, string>)[key]!;

describe('languages', () => {
	let server: RunningServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const account = makeAccount();
	let workshopId = '';

	async function newPage(locale: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
		const context = await browser.newContext({ viewport, locale });
		contexts.push(context);
		return context.newPage();
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		const first = await newPage('en-GB');
		await first.goto(server.url);
		await waitForPath(first, '/setup');
		await completeSetup(first, account);
		workshopId = await addWorkshop(server.database, { organisation: account.organisation, title: 'Dostępne mieszkania', roleGroups: ['Mieszkaniec', 'Urzędnik'] });
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('serves a Polish browser in Polish, with <html lang="pl">', async () => {
		const page = await newPage('pl-PL');
		await page.goto(`${server.url}/signin`);
		expect(await page.locator('html').getAttribute('lang')).toBe('pl');
		await expect(page.getByRole('button', { name: text('pl', 'signin_submit') }).isVisible()).resolves.toBe(true);
		await expectNoAxeViolations(page, 'sign-in in Polish');
	});

	it('shows the workshop in the language a participant chose when joining', async () => {
		const facilitator = await newPage('en-GB');
		await facilitator.goto(`${server.url}/signin`);
		await signIn(facilitator, account.email, account.password);
		await facilitator.goto(`${server.url}/workshops/${workshopId}/people`);
		const link = (await facilitator.getByRole('link', { name: /\/j\/[a-z2-7]{32}$/ }).textContent())!.trim();

		const phone = await newPage('en-GB', { width: 360, height: 740 });
		await phone.goto(link);
		await waitForHydration(phone);
		await phone.getByLabel(text('en', 'join_language_label'), { exact: true }).selectOption('de');
		await phone.getByLabel('Stay anonymous (give no name)').check();
		await phone.getByLabel('Mieszkaniec').check();
		await Promise.all([waitForPath(phone, `/w/${workshopId}`), phone.getByRole('button', { name: 'Join the workshop' }).click()]);
		expect(await phone.locator('html').getAttribute('lang')).toBe('de');
		await expect(phone.getByText(text('de', 'participant_waiting')).isVisible()).resolves.toBe(true);
		await expectNoAxeViolations(phone, 'participant in German');
	});

	it('keeps a facilitator’s language on their account, on every device', async () => {
		const laptop = await newPage('en-GB');
		await laptop.goto(`${server.url}/signin`);
		await signIn(laptop, account.email, account.password);
		await waitForHydration(laptop);
		await laptop.getByLabel(text('en', 'header_language_label'), { exact: true }).selectOption('sv');
		await Promise.all([laptop.waitForLoadState('load'), laptop.getByRole('button', { name: text('en', 'header_language_apply') }).click()]);
		await laptop.waitForFunction(() => document.documentElement.lang === 'sv');
		await expectNoAxeViolations(laptop, 'home in Swedish');
		const fx = new Fixtures(server.database);
		try {
			expect((await fx.db.select({ locale: user.locale }).from(user)).map((u) => u.locale)).toEqual(['sv']);
		} finally {
			await fx.close();
		}
		await signOut(laptop);

		const other = await newPage('en-GB');
		await other.goto(`${server.url}/signin`);
		expect(await other.locator('html').getAttribute('lang')).toBe('en');
		await signIn(other, account.email, account.password);
		expect(await other.locator('html').getAttribute('lang')).toBe('sv');
		await expect(other.getByRole('button', { name: text('sv', 'header_language_apply') }).isVisible()).resolves.toBe(true);
	});

	it('refuses a language the app does not have', async () => {
		const res = await fetch(`${server.url}/language`, {
			method: 'POST',
			headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'locale=xx&returnTo=/',
			redirect: 'manual'
		});
		expect(res.status).toBe(400);
	});
});
