/**
 * The first usable path through the app, in a real browser against the real server: setup,
 * sign out and in, create a workshop, and a note that appears live in a second browser.
 * Every page visited is checked with axe-core (WCAG 2.0–2.2 A and AA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, signIn, signOut, snapshot, waitForPath, waitUntilConnected } from './helpers/app';

describe('a facilitator on a fresh installation', () => {
	let server: RunningServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const pageErrors: string[] = [];

	async function newPage(): Promise<Page> {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		contexts.push(context);
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		return page;
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('sets up, signs out and in, creates a workshop, and sees a note typed elsewhere appear live', async () => {
		const account = makeAccount();
		const first = await newPage();

		await first.goto(server.url);
		await waitForPath(first, '/setup');
		await expectNoAxeViolations(first, 'setup');
		await completeSetup(first, account);

		await first.getByRole('link', { name: account.organisation }).waitFor();
		await expectNoAxeViolations(first, 'home');
		await snapshot(first, 'home-360');

		await signOut(first);
		await expectNoAxeViolations(first, 'sign-in');
		await signIn(first, account.email, account.password);
		await waitForPath(first, '/');

		await Promise.all([waitForPath(first, /^\/orgs\//), first.getByRole('link', { name: account.organisation }).click()]);
		await first.getByText('No workshops yet.').waitFor();
		await expectNoAxeViolations(first, 'organisation (no workshops)');
		await snapshot(first, 'org-empty-360');

		await first.getByLabel('Workshop title').fill('Access to public services');
		await Promise.all([
			waitForPath(first, /^\/workshops\//),
			first.getByRole('button', { name: 'Create workshop' }).click()
		]);
		const boardUrl = first.url();
		await expect(first.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Access to public services');
		await waitUntilConnected(first);
		await first.getByText('No notes yet.').waitFor();
		await snapshot(first, 'board-empty-360');

		// A second browser with its own cookies: the note can only reach it through the server.
		const second = await newPage();
		await second.goto(boardUrl);
		await waitForPath(second, '/signin');
		await signIn(second, account.email, account.password);
		expect(new URL(second.url()).pathname).toBe(new URL(boardUrl).pathname);
		await waitUntilConnected(second);

		// Focus parked in the second browser's note box must stay there when a note arrives.
		await second.getByLabel('Your note').focus();
		const text = 'Ramps at the town hall are too steep for wheelchairs';
		await first.getByLabel('Your note').fill(text);
		await first.getByRole('button', { name: 'Add note' }).click();

		const arrived = second.getByRole('listitem').filter({ hasText: text });
		await arrived.waitFor({ timeout: 10_000 });
		await second.getByRole('status').filter({ hasText: `New note: ${text}` }).waitFor();
		expect(await second.evaluate(() => document.activeElement?.id)).toBe('note-text');
		await expect(first.getByLabel('Your note').inputValue()).resolves.toBe('');
		await second.getByRole('button', { name: `Delete note: ${text.slice(0, 20)}`, exact: false }).waitFor();

		await expectNoAxeViolations(first, 'board with a note (author)');
		await expectNoAxeViolations(second, 'board with a note (second browser)');
		await snapshot(second, 'board-note-360');
		await second.setViewportSize({ width: 1280, height: 800 });
		await snapshot(second, 'board-note-1280');

		// Deleting in one browser removes the note in the other.
		await second.getByRole('button', { name: /^Delete note: / }).click();
		await first.getByRole('listitem').filter({ hasText: text }).waitFor({ state: 'detached', timeout: 10_000 });
		await first.getByText('No notes yet.').waitFor();

		expect(pageErrors).toEqual([]);
	});
});
