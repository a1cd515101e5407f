/**
 * Joining without an account, in a real browser against the real server: the facilitator shares
 * a code, a phone joins with it anonymously and comes back as the same participant; replacing
 * the link, closing joining and removing the participant each shut the right door. Every page
 * a person sees is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';
import { addParticipant, addWorkshop, participantCount } from './helpers/join-data';

const CODE = /^[A-HJKMNP-Z2-9]{4} [A-HJKMNP-Z2-9]{4}$/;

describe('joining a workshop without an account', () => {
	let server: RunningServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const pageErrors: string[] = [];
	const account = makeAccount();
	let facilitator: Page;
	let phone: Page;
	let workshopA = '';
	let workshopB = '';
	let joinLink = '';

	async function newPage(viewport = { width: 360, height: 740 }): Promise<Page> {
		const context = await browser.newContext({ viewport });
		contexts.push(context);
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		return page;
	}

	/** The join link and code as the People page shows them. */
	async function sharedWays(): Promise<{ link: string; code: string }> {
		const link = await facilitator.getByRole('link', { name: /\/j\/[a-z2-7]{32}$/ }).textContent();
		const code = await facilitator.getByText(CODE).textContent();
		return { link: link!.trim(), code: code!.trim() };
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		facilitator = await newPage({ width: 1280, height: 800 });
		await facilitator.goto(server.url);
		await waitForPath(facilitator, '/setup');
		await completeSetup(facilitator, account);
		const groups = ['Civil servant', 'Civil society', 'Resident'];
		workshopA = await addWorkshop(server.database, { organisation: account.organisation, title: 'Barriers in housing', roleGroups: groups });
		workshopB = await addWorkshop(server.database, { organisation: account.organisation, title: 'Second workshop', roleGroups: groups });
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('lets a phone join by the short code, anonymously, and come back as the same participant', async () => {
		await facilitator.goto(`${server.url}/workshops/${workshopA}`);
		await Promise.all([waitForPath(facilitator, `/workshops/${workshopA}/people`), facilitator.getByRole('link', { name: 'People and joining' }).click()]);
		await facilitator.getByRole('img', { name: /^QR code that opens the join link http/ }).locator('svg').waitFor();
		await facilitator.getByText('Nobody has joined yet.').waitFor();
		await expectNoAxeViolations(facilitator, 'people (nobody yet)');
		const { link, code } = await sharedWays();
		joinLink = link;
		expect(new URL(link).origin).toBe(server.origin);

		phone = await newPage();
		await phone.goto(`${server.url}/join`);
		await expectNoAxeViolations(phone, 'join by code');
		await waitForHydration(phone);
		// Typed as people do: lower case, with a dash.
		await phone.getByLabel('Workshop code').fill(code.toLowerCase().replace(' ', '-'));
		await Promise.all([waitForPath(phone, new URL(link).pathname), phone.getByRole('button', { name: 'Continue' }).click()]);

		await phone.getByRole('heading', { level: 1, name: 'Barriers in housing' }).waitFor();
		await phone.getByText('not even', { exact: false }).or(phone.getByText('not in any export', { exact: false })).first().waitFor();
		await expectNoAxeViolations(phone, 'join form');
		await snapshot(phone, 'join-form-360');
		await waitForHydration(phone);
		await phone.getByLabel('Stay anonymous (give no name)').check();
		await phone.getByRole('group', { name: 'Which group are you part of?' }).getByLabel('Civil society').check();
		await Promise.all([waitForPath(phone, `/w/${workshopA}`), phone.getByRole('button', { name: 'Join the workshop' }).click()]);
		await phone.getByText('You have joined Barriers in housing anonymously (Civil society).').waitFor();
		await expectNoAxeViolations(phone, 'participant landing');

		await phone.reload();
		await phone.getByText('anonymously (Civil society)', { exact: false }).waitFor();
		await phone.goto(link);
		await waitForPath(phone, `/w/${workshopA}`);
		expect(await participantCount(server.database, workshopA)).toBe(1);

		await facilitator.reload();
		const row = facilitator.getByRole('listitem').filter({ hasText: 'Anonymous' });
		await row.getByText('Civil society', { exact: false }).waitFor();
		await expectNoAxeViolations(facilitator, 'people (one participant)');
		await snapshot(facilitator, 'people-1280');
	});

	it('stops the old link and code once the facilitator replaces them', async () => {
		const before = await sharedWays();
		await facilitator.getByRole('button', { name: 'Replace link and code' }).click();
		await facilitator.getByRole('heading', { name: 'Replace the join link and code?' }).waitFor();
		await expectNoAxeViolations(facilitator, 'people (confirm replace)');
		await facilitator.getByRole('button', { name: 'Yes, replace link and code' }).click();
		await facilitator.getByRole('status').filter({ hasText: 'The old ones no longer work.' }).waitFor();
		const after = await sharedWays();
		expect(after.link).not.toBe(before.link);
		expect(after.code).not.toBe(before.code);
		joinLink = after.link;

		const stranger = await newPage();
		const response = await stranger.goto(before.link);
		expect(response?.status()).toBe(404);
		await stranger.getByRole('heading', { name: 'This join link does not work' }).waitFor();
		await expectNoAxeViolations(stranger, 'join link not found');
		await Promise.all([waitForPath(stranger, '/join'), stranger.getByRole('link', { name: 'Enter a workshop code instead' }).click()]);
		await waitForHydration(stranger);
		await stranger.getByLabel('Workshop code').fill(before.code);
		await stranger.getByRole('button', { name: 'Continue' }).click();
		await stranger.getByRole('alert').filter({ hasText: 'This code does not open a workshop.' }).waitFor();
		await expectNoAxeViolations(stranger, 'join by code (wrong code)');

		// Whoever joined before keeps their place.
		await phone.goto(`${server.url}/w/${workshopA}`);
		await phone.getByText('anonymously (Civil society)', { exact: false }).waitFor();
	});

	it('shows a kind notice and no form while joining is closed', async () => {
		await facilitator.getByRole('button', { name: 'Close joining' }).click();
		await facilitator.getByRole('button', { name: 'Open joining' }).waitFor();

		const late = await newPage();
		await late.goto(joinLink);
		await late.getByRole('heading', { name: 'Joining is closed for now' }).waitFor();
		expect(await late.getByRole('button', { name: 'Join the workshop' }).count()).toBe(0);
		await expectNoAxeViolations(late, 'join (closed)');

		await facilitator.getByRole('button', { name: 'Open joining' }).click();
		await facilitator.getByRole('button', { name: 'Close joining' }).waitFor();
		await late.reload();
		await late.getByRole('button', { name: 'Join the workshop' }).waitFor();
	});

	it('shuts a removed participant out of the workshop on their device', async () => {
		await facilitator.getByRole('button', { name: /^Remove Anonymous \(Civil society, joined / }).click();
		await facilitator.getByText('Remove Anonymous (Civil society) from the workshop?', { exact: false }).waitFor();
		await expectNoAxeViolations(facilitator, 'people (confirm remove)');
		await facilitator.getByRole('button', { name: 'Yes, remove' }).click();
		await facilitator.getByText('Nobody has joined yet.').waitFor();

		await phone.goto(`${server.url}/w/${workshopA}`);
		await waitForPath(phone, '/join');
	});

	it('gives a participant cookie nothing beyond its own workshop', async () => {
		const token = await addParticipant(server.database, workshopA, { displayName: 'Ana', roleGroup: 'Resident', organisation: null, language: 'en' });
		const page = await newPage();
		await page.context().addCookies([
			{ name: `rb_p_${workshopA}`, value: token, url: server.url },
			// The same token presented for another workshop must not work there either.
			{ name: `rb_p_${workshopB}`, value: token, url: server.url }
		]);
		await page.goto(`${server.url}/w/${workshopA}`);
		await page.getByText('You have joined Barriers in housing as Ana (Resident).').waitFor();

		for (const path of [`/workshops/${workshopA}`, `/workshops/${workshopA}/people`]) {
			await page.goto(`${server.url}${path}`);
			expect(new URL(page.url()).pathname, path).toBe('/signin');
		}
		await page.goto(`${server.url}/w/${workshopB}`);
		expect(new URL(page.url()).pathname).toBe('/join');

		const leave = await newPage();
		await leave.context().addCookies([{ name: `rb_p_${workshopA}`, value: token, url: server.url }]);
		await leave.goto(`${server.url}/w/${workshopA}`);
		await waitForHydration(leave);
		await Promise.all([waitForPath(leave, '/join'), leave.getByRole('button', { name: 'Leave this workshop on this device' }).click()]);
		await leave.getByText('You have left the workshop on this device.').waitFor();
		await leave.goto(`${server.url}/w/${workshopA}`);
		await waitForPath(leave, '/join');
		expect(pageErrors).toEqual([]);
	});
});
