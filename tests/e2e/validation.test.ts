/**
 * Civil society validates an action point, end to end in real browsers: the facilitator prepares
 * the validation (civil society and residents answer by default), three civil-society phones at
 * 375×812 answer (object with a reason, endorse with changes, endorse) while a civil servant's phone
 * is told who answers; the facilitator closes and reveals; console and projector show the outcome,
 * the stacked bars, the table and the kept objection; the staff results page links to recording.
 * axe-core checks every page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration, waitForPath } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PROJECTOR, type LiveWorkshop } from './helpers/live';
import { voteSetup, workshop } from '../../src/lib/server/db/schema';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';

const PHONE_375 = { width: 375, height: 812 };
const POINT = 'Autonomy-based approach to hoarding situations';
const OBJECTION = 'Nothing says who pays for the support';
const CHANGES = 'Add a deadline for the first review';

describe('validation of an action point by civil society', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let fx: Fixtures;
	let facilitator: Page;
	let projector: Page;
	let servantPhone: Page;
	let phones: Page[];
	let activityId: string;
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Third Gdańsk workshop', []);
		fx = new Fixtures(server.database);
		// The workshop says which side of the room its role groups are on.
		const kinds = { 'Civil servant': 'civil_servants', 'Civil society': 'civil_society', Resident: 'civil_society' };
		await fx.db.update(workshop).set({ roleGroupKinds: JSON.stringify(kinds) }).where(eq(workshop.id, live.workshopId));
		activityId = await fx.activity(live.workshopId, 'Validate the action points', 'vote', 0, 'named');
		const staff = createClient(server.url, docName('actions', live.workshopId), { cookie: `${SESSION_COOKIE}=${live.facilitatorToken}` });
		await staff.synced();
		addActionPoint(staff.doc, { title: POINT });
		const reader = createClient(server.url, docName('actions', live.workshopId), { cookie: `${SESSION_COOKIE}=${live.facilitatorToken}` });
		await reader.synced();
		await waitFor(() => readActionPoints(reader.doc).length === 1, 5000, 'action point stored');
		reader.destroy();
		staff.destroy();
		const people = [
			await fx.participant(live.workshopId, 'Olga Objector', 'Civil society'),
			await fx.participant(live.workshopId, 'Chris Changes', 'Civil society'),
			await fx.participant(live.workshopId, 'Erin Endorser', 'Resident')
		];
		const servant = await fx.participant(live.workshopId, 'Sam Servant', 'Civil servant');
		[facilitator, projector] = await Promise.all([devices.open(LAPTOP, live.facilitatorToken), devices.open(PROJECTOR, live.facilitatorToken)]);
		servantPhone = await devices.openAsParticipant(PHONE_375, servant.cookie);
		phones = [];
		for (const p of people) phones.push(await devices.openAsParticipant(PHONE_375, p.cookie));
	});

	afterAll(async () => {
		await fx?.close();
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the facilitator prepares it: civil society and residents validate by default', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/prepare/${activityId}/vote`);
		await waitForHydration(facilitator);
		await facilitator.getByLabel('Validation of action points').check();
		const who = facilitator.getByRole('group', { name: 'Who validates' });
		await who.waitFor();
		expect(await who.getByLabel('Civil society').isChecked()).toBe(true);
		expect(await who.getByLabel('Resident').isChecked()).toBe(true);
		expect(await who.getByLabel('Civil servant').isChecked()).toBe(false);
		await who.getByText("Only these groups' answers count.").waitFor();
		const shown = facilitator.getByRole('group', { name: 'Role groups shown on their own' });
		await shown.getByLabel('Civil society').check();
		await shown.getByLabel('Resident').check();
		await axe(facilitator, 'setup, validation chosen');
		await facilitator.getByRole('button', { name: 'Save settings' }).click();
		const setup = async () => (await fx.db.select({ kind: voteSetup.kind, a: voteSetup.answerGroups }).from(voteSetup).where(eq(voteSetup.activityId, activityId)).limit(1))[0];
		await waitFor(async () => (await setup())?.kind === 'endorse', 5000, 'settings saved');
		const groups = (await setup())!.a;
		expect(JSON.parse(groups)).toEqual(['Civil society', 'Resident']);
		await facilitator.getByRole('group', { name: 'Add drafted action points' }).getByLabel(POINT).check();
		await facilitator.getByRole('button', { name: 'Add the chosen action points' }).click();
		await facilitator.getByRole('listitem').filter({ hasText: POINT }).waitFor();
		await axe(facilitator, 'setup, action point added');
	});

	it('the facilitator starts the workshop and opens the validation', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('heading', { name: 'Vote: Validation of action points' }).waitFor();
		await facilitator.getByRole('button', { name: 'Open the vote' }).click();
		await facilitator.getByText('Open', { exact: true }).waitFor();
		await axe(facilitator, 'console, validation open');
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByText(POINT).waitFor();
		await axe(projector, 'projector, validation open');
	});

	it("a civil servant's phone says who answers and shows no form", async () => {
		await servantPhone.goto(`${server.url}/w/${live.workshopId}`);
		await waitForHydration(servantPhone);
		await servantPhone.getByText('This validation is answered by: Civil society, Resident. You can follow the results.').waitFor();
		expect(await servantPhone.getByRole('radio').count()).toBe(0);
		await axe(servantPhone, 'civil servant phone, not answering');
	});

	it('three civil-society phones answer: an objection with a reason, changes, an endorsement', async () => {
		const save = (phone: Page) => phone.getByRole('button', { name: new RegExp(`^Save my answer\\W+${POINT}$`) }).click();
		const saved = (phone: Page) => phone.getByText('Your answer is saved. You can change it until the validation closes.').waitFor();
		for (const phone of phones) {
			await phone.goto(`${server.url}/w/${live.workshopId}`);
			await waitForHydration(phone);
			await phone.getByRole('group', { name: POINT }).waitFor();
		}
		const [olga, chris, erin] = phones as [Page, Page, Page];
		await olga.getByLabel('Object', { exact: true }).check();
		await save(olga);
		await olga.getByText('Please write a few words: this is needed for your answer.').waitFor();
		await axe(olga, 'phone, reason missing');
		await olga.getByLabel('Why do you object?').fill(OBJECTION);
		const attribution = olga.getByRole('group', { name: 'How may we attribute your words?' });
		expect(await attribution.getByRole('radio').count()).toBe(3);
		await attribution.getByLabel('With my name').check();
		await save(olga);
		await saved(olga);
		await axe(olga, 'phone, objection saved');

		await chris.getByLabel('Endorse with changes').check();
		await chris.getByLabel('Which changes?').fill(CHANGES);
		await chris.getByRole('group', { name: 'How may we attribute your words?' }).getByLabel('With my group').check();
		await save(chris);
		await saved(chris);

		await erin.getByLabel('Endorse', { exact: true }).check();
		expect(await erin.getByLabel('Which changes?').count()).toBe(0);
		await save(erin);
		await saved(erin);
		await axe(erin, 'phone, endorsement saved');
		await facilitator.getByText('3 people have voted').first().waitFor();
	});

	it('the facilitator closes and reveals; console and projector show the outcome, bars, table and the kept objection', async () => {
		await facilitator.getByRole('button', { name: 'Close the vote' }).click();
		await facilitator.getByText('Closed', { exact: true }).waitFor();
		await facilitator.getByRole('button', { name: 'Reveal results' }).click();
		for (const [page, label] of [
			[projector, 'projector'],
			[facilitator, 'console']
		] as const) {
			// The console folds the table away; it opens by keyboard.
			if (page === facilitator) {
				await page.getByText('Show as table', { exact: true }).focus();
				await page.keyboard.press('Enter');
			}
			const table = page.getByRole('table', { name: `Results by group: ${POINT}` });
			await table.waitFor();
			expect(await table.getByRole('row', { name: /Everyone/ }).innerText()).toMatch(/3\s+1\s+1\s+1/);
			expect(await table.getByRole('row', { name: /^Civil society/ }).first().innerText()).toMatch(/3\s+1\s+1\s+1/);
			expect(await table.getByRole('row', { name: /Resident/ }).innerText()).toContain('hidden to protect fewer than 3 people');
			await page.getByText('Outcome: Endorsed', { exact: true }).waitFor();
			await page.getByRole('img', { name: /Stacked bars/ }).first().waitFor();
			const objections = page.getByText('Objections').locator('..');
			expect(await objections.innerText()).toContain(`${OBJECTION} – Olga Objector`);
			expect(await page.getByText(CHANGES).innerText()).toContain('Civil society');
			expect(await page.locator('main').innerText()).not.toMatch(/Chris Changes|Erin Endorser|Sam Servant/);
			await axe(page, `${label}, validation revealed`);
		}
		await servantPhone.getByText('Outcome: Endorsed', { exact: true }).waitFor();
		await axe(servantPhone, 'civil servant phone, results revealed');
		await phones[0]!.getByText('The vote is closed: your vote was counted.').waitFor();
		expect(await phones[0]!.getByLabel('Why do you object?').isDisabled()).toBe(true);
		await axe(phones[0]!, 'phone, closed and revealed');
		// At 320 px nothing needs scrolling sideways.
		await phones[0]!.setViewportSize({ width: 320, height: 740 });
		expect(await phones[0]!.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	});

	it('the staff results page gives the outcome per action point and links to recording', async () => {
		await Promise.all([
			waitForPath(facilitator, `/workshops/${live.workshopId}/votes/${activityId}`),
			facilitator.getByRole('link', { name: 'Results page (works without scripts)' }).click()
		]);
		const outcomes = facilitator.getByRole('table', { name: 'Outcome of the validation, per action point' });
		expect(await outcomes.getByRole('row', { name: new RegExp(POINT) }).innerText()).toContain('Endorsed');
		expect(await facilitator.getByRole('link', { name: 'Record validated action points' }).getAttribute('href')).toBe(`/workshops/${live.workshopId}/actions`);
		await axe(facilitator, 'staff results page');
	});

	it('has no accessibility violations and no page errors', () => {
		expect(axeFindings).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
