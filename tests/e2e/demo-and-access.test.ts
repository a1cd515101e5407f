/**
 * Demo mode and the doors of the board: the demo facilitator printed on first start can open the
 * seeded board, and a visitor without an account is sent to sign in instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { signIn, snapshot, waitForPath, waitUntilConnected } from './helpers/app';
import { addAccount } from './helpers/accounts';
import { expectNoAxeViolations } from './helpers/axe';

describe('a demo installation', () => {
	let server: RunningServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	// Found by the first test; the 404 test needs real paths, or it would prove nothing.
	let demoBoardPath = '';
	let demoOrgPath = '';

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ env: { RIGHTSBOARD_DEMO: '1' } }), launchBrowser()]);
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	async function newPage() {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		contexts.push(context);
		return context.newPage();
	}

	it('lets the printed demo facilitator open the seeded board, and sends anonymous visitors to sign in', async () => {
		const credentials = /Demo facilitator: (\S+) \/ (\S+)/.exec(server.output());
		expect(credentials, server.output()).not.toBeNull();
		const [, email, password] = credentials!;

		const facilitator = await newPage();
		await facilitator.goto(server.url);
		await waitForPath(facilitator, '/signin');
		await signIn(facilitator, email!, password!);
		await Promise.all([waitForPath(facilitator, /^\/orgs\//), facilitator.getByRole('link', { name: 'Demo City' }).click()]);
		const orgPath = new URL(facilitator.url()).pathname;
		await Promise.all([
			waitForPath(facilitator, /^\/workshops\//),
			facilitator.getByRole('link', { name: 'Barriers in municipal housing' }).click()
		]);
		await waitUntilConnected(facilitator);
		const notes = facilitator.getByRole('list').filter({ has: facilitator.getByRole('listitem') }).last();
		await notes.getByRole('listitem').first().waitFor();
		expect(await notes.getByRole('listitem').count()).toBe(3);
		await snapshot(facilitator, 'board-demo-360');
		await facilitator.setViewportSize({ width: 1280, height: 800 });
		await snapshot(facilitator, 'board-demo-1280');
		const boardPath = new URL(facilitator.url()).pathname;

		const anonymous = await newPage();
		const response = await anonymous.goto(`${server.url}${boardPath}`);
		expect(response?.ok()).toBe(true);
		const landed = new URL(anonymous.url());
		expect(landed.pathname).toBe('/signin');
		expect(landed.searchParams.get('redirectTo')).toBe(boardPath);
		demoBoardPath = boardPath;
		demoOrgPath = orgPath;
	});

	it('answers 404 to a signed-in person outside the organisation, and tells them how to join one', async () => {
		const outsider = await addAccount(server.database);
		const page = await newPage();
		await page.goto(server.url);
		await signIn(page, outsider.email, outsider.password);
		await page.getByRole('heading', { name: 'You are not part of an organisation yet' }).waitFor();
		await expectNoAxeViolations(page, 'home (no organisation)');
		await snapshot(page, 'home-empty-360');
		expect(demoOrgPath).toMatch(/^\/orgs\/[a-z2-7]{24}$/);
		expect(demoBoardPath).toMatch(/^\/workshops\/[a-z2-7]{24}$/);
		for (const path of [demoOrgPath, demoBoardPath]) {
			const response = await page.goto(`${server.url}${path}`);
			expect(response?.status(), path).toBe(404);
		}
	});

	it('shows an organisation member the notes but no way to add or delete them', async () => {
		const member = await addAccount(server.database, { organisation: 'Demo City', role: 'member' });
		const page = await newPage();
		await page.goto(server.url);
		await signIn(page, member.email, member.password);
		await Promise.all([waitForPath(page, /^\/orgs\//), page.getByRole('link', { name: 'Demo City' }).click()]);
		expect(await page.getByRole('button', { name: 'Create workshop' }).count()).toBe(0);
		await Promise.all([waitForPath(page, /^\/workshops\//), page.getByRole('link', { name: 'Barriers in municipal housing' }).click()]);
		await waitUntilConnected(page);
		await page.getByRole('listitem').filter({ hasText: 'only available in one language' }).waitFor();
		expect(await page.getByLabel('Your note').count()).toBe(0);
		expect(await page.getByRole('button', { name: /^Delete note/ }).count()).toBe(0);
		await page.getByText('Only owners and facilitators add notes.', { exact: false }).waitFor();
		await expectNoAxeViolations(page, 'board (read-only member)');
		await snapshot(page, 'board-member-360');
	});

	it('prints the demo password only on the first start', async () => {
		await server.stop();
		server = await startServer({ dir: server.dir, env: { RIGHTSBOARD_DEMO: '1' } });
		expect(server.output()).not.toMatch(/Demo facilitator:/);
		// The participant join link is printed on every start, and opens the join form.
		for (let i = 0; i < 50 && !/Demo workshop:/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 20));
		const link = /Demo workshop: (\S+\/j\/[a-z2-7]{32})$/m.exec(server.output());
		expect(link, server.output()).not.toBeNull();
		const phone = await newPage();
		await phone.goto(link![1]!);
		await phone.getByRole('heading', { level: 1 }).waitFor();
		expect(await phone.getByRole('button', { name: 'Join the workshop' }).count()).toBe(1);
	});
});
