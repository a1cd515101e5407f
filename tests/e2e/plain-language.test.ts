/**
 * Plain language in a real browser against the real server: a facilitator writes a plain version
 * of an activity's prompt; on a phone, the join page and the live workshop switch to plain language
 * by keyboard, keep the original one click away, and remember the choice after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { postAction } from '../helpers/actions';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration, waitForPath } from './helpers/app';
import { createLiveWorkshop, Devices, fillJoinForm, LAPTOP, type LiveWorkshop } from './helpers/live';
import { Fixtures } from '../helpers/fixtures';
import { ensureJoinCredentials } from '../../src/lib/server/join-credentials';
import { eq } from 'drizzle-orm';
import { frameworkNode, workshop } from '../../src/lib/server/db/schema';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';

const PHONE_375 = { width: 375, height: 812 };
const ACTIVITY = 'Barriers';
const ORIGINAL = `Prompt for ${ACTIVITY}`;
const PLAIN = 'What makes it hard to use city services? Write one thing on each note.';
const FINDING = 'Service desks are not reachable for wheelchair users';
const EXPLANATION = 'Everyone can get into city buildings and use city services.';

/** Presses Tab until `target` has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error('could not reach the control with the Tab key');
}

const plainToggle = (page: Page) => page.getByRole('button', { name: 'Plain language' });

describe('plain language', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let phone: Page;
	let joinLink = '';
	let voteId = '';

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Access to services', [{ title: ACTIVITY, type: 'brainstorm', anonymity: 'role_group' }]);
		const fx = new Fixtures(server.database);
		try {
			joinLink = `${server.url}/j/${(await ensureJoinCredentials(fx.db, live.workshopId)).joinToken}`;
			// A validation round on a finding whose framework item has a plain-language explanation.
			const org = (await fx.db.select({ id: workshop.organisationId }).from(workshop).where(eq(workshop.id, live.workshopId)).limit(1))[0]!.id;
			const { cycleId, findingIds } = await findingsCycle(fx.db, org, [FINDING]);
			await fx.db.update(frameworkNode).set({ explanation: EXPLANATION }).where(eq(frameworkNode.code, '1.1'));
			voteId = (await voteActivity(fx.db, live.workshopId, 'Check the findings', { cycleId, findingIds, status: 'open', position: 1 })).activityId;
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

	it('a facilitator writes a plain-language version of the prompt', async () => {
		const page = await devices.open(LAPTOP, live.facilitatorToken);
		await page.goto(`${server.url}/workshops/${live.workshopId}/prepare/${live.activities[ACTIVITY]}`);
		await waitForHydration(page);
		const field = page.getByLabel('Plain-language version (optional)');
		expect(await field.getAttribute('aria-describedby')).toContain('plainPrompt-hint');
		await page.getByText('short sentences and everyday words').waitFor();
		await field.fill(PLAIN);
		await expectNoAxeViolations(page, 'edit activity: plain version written');
		await Promise.all([waitForPath(page, `/workshops/${live.workshopId}/prepare`), page.getByRole('button', { name: 'Save activity' }).click()]);
		await expectNoAxeViolations(page, 'prepare: after saving');
		const started = await postAction(server.url, `/workshops/${live.workshopId}/console`, { command: 'next' }, { cookie: `rb_session=${live.facilitatorToken}` });
		expect(started.type, JSON.stringify(started)).toBe('success');
	});

	it('the join page shows the plain notice when plain language is on, with the original on request', async () => {
		phone = await devices.open(PHONE_375);
		await phone.goto(joinLink);
		await waitForHydration(phone);
		await phone.getByRole('heading', { name: 'What we store and who sees it' }).waitFor();
		expect(await plainToggle(phone).getAttribute('aria-pressed')).toBe('false');
		await expectNoAxeViolations(phone, 'join: original notice');

		await tabTo(phone, plainToggle(phone));
		await phone.keyboard.press('Space');
		await expect.poll(() => plainToggle(phone).getAttribute('aria-pressed')).toBe('true');
		await phone.getByRole('heading', { name: 'What we keep and who sees it' }).waitFor();
		await phone.getByText('This phone or computer remembers you for 30 days. The same link brings you back.').waitFor();
		expect(await phone.getByText('This device remembers for 30 days that you joined', { exact: false }).isVisible()).toBe(false);
		await expectNoAxeViolations(phone, 'join: plain notice');

		const showOriginal = phone.getByText('Show the original', { exact: true });
		await tabTo(phone, showOriginal);
		await phone.keyboard.press('Enter');
		await phone.getByText('This device remembers for 30 days that you joined', { exact: false }).waitFor();
		await expectNoAxeViolations(phone, 'join: plain notice with the original open');

		await fillJoinForm(phone, live.workshopId, { name: null, group: 'Resident' });
	});

	it('the phone shows the plain prompt, switches by keyboard, and remembers the choice after a reload', async () => {
		await phone.getByRole('heading', { name: ACTIVITY }).waitFor();
		// The choice made on the join page is this device's choice.
		expect(await plainToggle(phone).getAttribute('aria-pressed')).toBe('true');
		await phone.getByText(PLAIN).waitFor();
		expect(await phone.getByText(ORIGINAL, { exact: true }).isVisible()).toBe(false);
		await expectNoAxeViolations(phone, 'phone: plain prompt');

		await tabTo(phone, plainToggle(phone));
		await phone.keyboard.press('Enter');
		await expect.poll(() => plainToggle(phone).getAttribute('aria-pressed')).toBe('false');
		await phone.getByText(ORIGINAL, { exact: true }).waitFor();
		expect(await phone.getByText(PLAIN).count()).toBe(0);
		await expectNoAxeViolations(phone, 'phone: original prompt');

		await phone.keyboard.press('Space');
		await expect.poll(() => plainToggle(phone).getAttribute('aria-pressed')).toBe('true');
		await phone.getByText(PLAIN).waitFor();
		const showOriginal = phone.getByText('Show the original', { exact: true });
		await tabTo(phone, showOriginal);
		await phone.keyboard.press('Enter');
		await phone.getByText(ORIGINAL, { exact: true }).waitFor();
		await expectNoAxeViolations(phone, 'phone: plain prompt with the original open');

		await phone.reload();
		await waitForHydration(phone);
		await phone.getByRole('heading', { name: ACTIVITY }).waitFor();
		await expect.poll(() => plainToggle(phone).getAttribute('aria-pressed')).toBe('true');
		await phone.getByText(PLAIN).waitFor();
		await expectNoAxeViolations(phone, 'phone: plain prompt after a reload');
	});

	it("a finding to vote on shows its framework item's plain explanation while plain language is on", async () => {
		const moved = await postAction(server.url, `/workshops/${live.workshopId}/console`, { command: 'goto', activityId: voteId }, { cookie: `rb_session=${live.facilitatorToken}` });
		expect(moved.type, JSON.stringify(moved)).toBe('success');
		const card = phone.getByRole('group', { name: FINDING });
		await card.waitFor();
		await card.getByText(EXPLANATION).waitFor();
		await card.getByText('In plain words').waitFor();
		await expectNoAxeViolations(phone, 'phone: finding with its plain explanation');

		await tabTo(phone, plainToggle(phone));
		await phone.keyboard.press('Enter');
		await expect.poll(() => plainToggle(phone).getAttribute('aria-pressed')).toBe('false');
		await expect.poll(() => card.getByText(EXPLANATION).count()).toBe(0);
		await card.getByRole('radio').first().waitFor();
		await expectNoAxeViolations(phone, 'phone: finding without the plain explanation');
		expect(devices.pageErrors).toEqual([]);
	});
});
