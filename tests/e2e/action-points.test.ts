/**
 * Drafting action points live in real browsers: a 375×812 phone adds a point and fills its fields
 * by keyboard, the console sees it as it is typed, the projector shows it large, a lock turns the
 * phone read-only, and the console removes a point after confirming. axe-core checks every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { snapshot, waitForHydration } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PROJECTOR, toggle, type LiveWorkshop } from './helpers/live';

const PHONE_375 = { width: 375, height: 812 };
const TITLE = 'Easy-read letters about housing';

describe('co-creating action points on a phone, the console and the projector', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let facilitator: Page;
	let projector: Page;
	let phone: Page;
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));
	const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Acting on the findings', []);
		const fx = new Fixtures(server.database);
		try {
			await fx.activity(live.workshopId, 'Draft action points', 'action_points', 0, 'anonymous');
			const participant = await fx.participant(live.workshopId, 'Pat Participant', 'Resident');
			[facilitator, projector] = await Promise.all([devices.open(LAPTOP, live.facilitatorToken), devices.open(PROJECTOR, live.facilitatorToken)]);
			phone = await devices.openAsParticipant(PHONE_375, participant.cookie);
		} finally {
			await fx.close();
		}
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the facilitator starts the activity; the console explains the empty list', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('heading', { name: 'Action points', level: 2 }).waitFor();
		await facilitator.getByText('No action points yet.', { exact: false }).waitFor();
		await axe(facilitator, 'console, no action points');
	});

	it('a participant adds a point and fills it in by keyboard; focus moves to the new title', async () => {
		await phone.goto(`${server.url}/w/${live.workshopId}`);
		await waitForHydration(phone);
		const add = phone.getByRole('button', { name: 'Add an action point' });
		await add.waitFor();
		await axe(phone, 'phone, empty action points');
		await add.focus();
		await phone.keyboard.press('Enter');
		await phone.getByRole('status').filter({ hasText: 'Action point added.' }).waitFor();
		expect(await focusedId(phone)).toMatch(/-title$/);
		await phone.keyboard.type(TITLE);
		await phone.keyboard.press('Tab');
		expect(await focusedId(phone)).toMatch(/-description$/);
		await phone.keyboard.type('Letters and the web page in easy-to-read language.');
		await phone.keyboard.press('Tab');
		expect(await focusedId(phone)).toMatch(/-type$/);
		await phone.getByLabel('Type of action').selectOption({ label: 'Accessibility' });
		await phone.getByLabel('Horizon').selectOption({ label: 'Quick win' });
		await phone.getByLabel('Responsible department').fill('Communication office');
		await phone.getByRole('button', { name: 'Add an indicator' }).press('Enter');
		expect(await focusedId(phone)).toMatch(/-indicator-0-name$/);
		await phone.keyboard.type('Letters in easy read');
		await phone.keyboard.press('Tab');
		await phone.keyboard.type('0');
		await phone.keyboard.press('Tab');
		await phone.keyboard.type('12');
		await phone.getByRole('group', { name: 'Action point 1' }).waitFor();
		expect(await phone.getByRole('button', { name: /^Remove action point/ }).count()).toBe(0);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await snapshot(phone, 'action-points-phone');
		await axe(phone, 'phone, editing an action point');
		await phone.setViewportSize({ width: 320, height: 740 });
		expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await axe(phone, 'phone 320 px, editing an action point');
		await phone.setViewportSize(PHONE_375);
	});

	it('the console sees the point live, with its chips, and can open it', async () => {
		const card = facilitator.locator('article', { hasText: TITLE });
		await card.getByText('Horizon: Quick win').waitFor();
		await card.getByText('Department: Communication office').waitFor();
		await card.getByText('1 indicator').waitFor();
		await card.getByRole('button', { name: `Edit action point: ${TITLE}` }).click();
		await facilitator.getByLabel('Title').first().waitFor();
		expect(await facilitator.getByLabel('Title').first().inputValue()).toBe(TITLE);
		await snapshot(facilitator, 'action-points-console');
		await axe(facilitator, 'console, an action point open');
	});

	it('the projector shows the title with type and horizon, and the count', async () => {
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByRole('heading', { name: TITLE }).waitFor();
		await projector.getByText('1 action point', { exact: true }).waitFor();
		await projector.getByText('Type: Accessibility').waitFor();
		await projector.getByText('Horizon: Quick win').waitFor();
		await snapshot(projector, 'action-points-projector');
		await axe(projector, 'projector, action points');
	});

	it('a lock turns the phone read-only with a short explanation', async () => {
		await toggle(facilitator, 'Lock contributions', true);
		await phone.getByText('The facilitator has paused editing.', { exact: false }).waitFor();
		expect(await phone.getByRole('button', { name: 'Add an action point' }).count()).toBe(0);
		await phone.getByRole('button', { name: `Show action point: ${TITLE}` }).click();
		await phone.getByText('Communication office', { exact: true }).waitFor();
		await axe(phone, 'phone, action points read-only');
		await toggle(facilitator, 'Lock contributions', false);
		await phone.getByRole('button', { name: 'Add an action point' }).waitFor();
	});

	it('the console removes a point only after confirming, by keyboard; the phone sees it go', async () => {
		await facilitator.getByRole('button', { name: `Remove action point: ${TITLE}` }).press('Enter');
		const yes = facilitator.getByRole('button', { name: 'Yes, remove it' });
		await yes.waitFor();
		expect(await focusedId(facilitator)).toMatch(/-remove-yes$/);
		await axe(facilitator, 'console, confirming removal');
		await facilitator.keyboard.press('Enter');
		await facilitator.getByRole('status').filter({ hasText: 'Action point removed.' }).waitFor();
		await phone.getByText('No action points yet.', { exact: false }).waitFor();
	});

	it('no accessibility violations and no page errors', () => {
		expect(axeFindings).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
