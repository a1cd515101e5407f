/**
 * "Review open actions" in real browsers: the facilitator adds the activity to the agenda and
 * starts it; the console, the projector and a 375×812 phone show the organisation's open action
 * points (overdue marked in words, progress in words), never the owner's name nor a done entry.
 * axe-core checks console, projector and phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { snapshot, waitForHydration } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PROJECTOR, type LiveWorkshop } from './helpers/live';
import { membership, workshop } from '../../src/lib/server/db/schema';
import { manualSourceKey, recordAction, type RecordInput } from '../../src/lib/server/register/entries';
import { updateProgress } from '../../src/lib/server/register/progress';

const PHONE_375 = { width: 375, height: 812 };
const RAMP = 'Step-free entrance to the housing office';
const LETTERS = 'Letters in plain language';
const LOOP = 'Hearing loop at the front desk';
const OWNER = 'Zofia Wiśniewska';

const entry = (title: string, deadline: string): RecordInput => ({
	sourceKey: manualSourceKey(),
	workshopId: null,
	cycleId: null,
	title,
	description: '',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName: OWNER,
	target: '',
	indicators: [],
	deadline,
	resources: '',
	competence: 'city',
	affectedGroups: ''
});

describe('reviewing open action points across console, projector and phone', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let facilitator: Page;
	let projector: Page;
	let phone: Page;
	let orgId: string;
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'One year on', []);
		const fx = new Fixtures(server.database);
		try {
			orgId = (await fx.db.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, live.workshopId)).limit(1))[0]!.org;
			const owner = await fx.user('Olga Owner');
			await fx.db.insert(membership).values({ organisationId: orgId, userId: owner.id, role: 'owner', createdAt: Date.now() });
			const ramp = (await recordAction(fx.db, owner.id, orgId, entry(RAMP, '2020-06-30'))).entry;
			await updateProgress(fx.db, owner.id, orgId, ramp.id, { status: 'in_progress', reason: '', progress: '40', note: 'Ramp ordered from the supplier' });
			await recordAction(fx.db, owner.id, orgId, entry(LETTERS, '2999-12-31'));
			const loop = (await recordAction(fx.db, owner.id, orgId, entry(LOOP, '2020-01-31'))).entry;
			await updateProgress(fx.db, owner.id, orgId, loop.id, { status: 'done', reason: '', progress: '100', note: '' });
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

	it('the facilitator adds the activity and starts it; the console lists the open entries with links into the register', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/prepare`);
		await waitForHydration(facilitator);
		const form = facilitator.locator('form[action="?/add"]');
		await form.getByLabel('Type').selectOption({ label: 'Review open actions' });
		await form.getByLabel('Title', { exact: true }).fill('What happened since last time?');
		await form.getByRole('button', { name: 'Add activity' }).click();
		await facilitator.getByRole('status').filter({ hasText: '“What happened since last time?” added as activity 1.' }).waitFor();

		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByText('2 open action points').waitFor();
		const link = facilitator.getByRole('link', { name: `Open “${RAMP}” in the register` });
		expect(await link.getAttribute('href')).toMatch(new RegExp(`^/orgs/${orgId}/register/`));
		await snapshot(facilitator, 'review-actions-console');
		await axe(facilitator, 'console, review open actions');
	});

	it('the projector groups the entries by status, marks the overdue one and shows progress in words', async () => {
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByText(RAMP).waitFor();
		await projector.getByRole('heading', { name: 'In progress' }).waitFor();
		await projector.getByRole('heading', { name: 'Planned' }).waitFor();
		const ramp = projector.locator('article', { hasText: RAMP });
		await ramp.getByText('Overdue').waitFor();
		await ramp.getByText('40 %').waitFor();
		await ramp.getByText('Ramp ordered from the supplier').waitFor();
		expect(await projector.locator('article', { hasText: LETTERS }).getByText('Overdue').count()).toBe(0);
		const text = await projector.locator('body').innerText();
		expect(text).not.toContain(OWNER);
		expect(text).not.toContain(LOOP);
		await snapshot(projector, 'review-actions-projector');
		await axe(projector, 'projector, review open actions');
	});

	it('a 375 px phone shows the same list, stacked, without horizontal scrolling', async () => {
		await phone.goto(`${server.url}/w/${live.workshopId}`);
		await waitForHydration(phone);
		await phone.getByText(RAMP).waitFor();
		await phone.getByText(LETTERS).waitFor();
		const text = await phone.locator('body').innerText();
		expect(text).not.toContain(OWNER);
		expect(text).not.toContain(LOOP);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await snapshot(phone, 'review-actions-phone');
		await axe(phone, 'phone, review open actions');
	});

	it('no accessibility violations and no page errors', () => {
		expect(axeFindings).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
