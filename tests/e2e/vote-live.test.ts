/**
 * A finding vote end to end in real browsers: the facilitator opens it on the console, two phones
 * (different role groups) vote, a third person votes from another device; with fewer than 3 per
 * group the split stays hidden everywhere; the facilitator reveals, the projector shows the
 * results with their table alternative; after closing, the outcome goes to the finding.
 * axe-core checks console, projector and phone views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { castOver } from '../helpers/vote-http';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration, waitForPath } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PROJECTOR, type LiveWorkshop } from './helpers/live';
import { finding, workshop } from '../../src/lib/server/db/schema';

/** A button named by its action and, for screen readers, the statement it acts on. */
const withItem = (action: string) => new RegExp(`^${action}\\W+${RAMPS}$`);
const PHONE_375 = { width: 375, height: 812 };
const RAMPS = 'Every school has step-free access';
const FORMS = 'Benefit forms exist in easy language';

describe('a finding vote across facilitator, projector and phones', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let fx: Fixtures;
	let facilitator: Page;
	let projector: Page;
	let phones: Page[];
	let findingIds: string[];
	let third: { cookie: string };
	let activityId: string;
	let itemIds: string[];
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Accessible city', []);
		fx = new Fixtures(server.database);
		const org = (await fx.db.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, live.workshopId)).limit(1))[0]!.org;
		({ findingIds } = await findingsCycle(fx.db, org, [RAMPS, FORMS]));
		const cycleId = (await fx.db.select({ c: finding.cycleId }).from(finding).where(eq(finding.id, findingIds[0]!)).limit(1))[0]!.c;
		({ activityId, itemIds } = await voteActivity(fx.db, live.workshopId, 'Do you agree with these findings?', { cycleId, findingIds }));
		const people = [await fx.participant(live.workshopId, 'Cem Servant', 'Civil servant: policy'), await fx.participant(live.workshopId, null, 'Resident / rights holder')];
		third = await fx.participant(live.workshopId, 'Ed Expert', 'Expert');
		[facilitator, projector] = await Promise.all([devices.open(LAPTOP, live.facilitatorToken), devices.open(PROJECTOR, live.facilitatorToken)]);
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

	it('the setup page lists the findings to vote on', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/prepare/${activityId}/vote`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('listitem').filter({ hasText: FORMS }).waitFor();
		await axe(facilitator, 'vote setup');
	});

	it('the facilitator starts the vote activity and opens the vote', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('heading', { name: 'Vote: Agree / disagree' }).waitFor();
		await facilitator.getByRole('button', { name: 'Open the vote' }).click();
		await facilitator.getByText('Open', { exact: true }).waitFor();
		await axe(facilitator, 'console, vote open');
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByText(RAMPS).waitFor();
		await axe(projector, 'projector, vote open');
	});

	it('two phones vote; the server keeps one ballot each and they can change it', async () => {
		for (const [i, phone] of phones.entries()) {
			await phone.goto(`${server.url}/w/${live.workshopId}`);
			await waitForHydration(phone);
			const card = phone.getByRole('group', { name: RAMPS });
			await card.getByLabel(i === 0 ? 'Agree' : 'Disagree', { exact: true }).check();
			if (i === 1) await phone.getByLabel('Reason (optional)').first().fill('The ramps are locked after 4 pm');
			await phone.getByRole('button', { name: withItem('Save my vote') }).click();
			await phone.getByText('Your vote is saved — you can change it until the vote closes.').first().waitFor();
			await axe(phone, `phone ${i + 1}, voted`);
		}
		await facilitator.getByText('2 people have voted').first().waitFor();
		// The first phone changes its mind; before it saves, a third person votes from another device.
		// The republished counts reach the phone, and its unsaved pick stays as it is.
		const card = phones[0]!.getByRole('group', { name: RAMPS });
		await card.getByLabel('Unsure', { exact: true }).check();
		expect((await castOver(server, third.cookie, live.workshopId, activityId, { itemKey: itemIds[0], value: { choice: 'agree' } })).status).toBe(200);
		await facilitator.getByText('3 people have voted').first().waitFor();
		await phones[0]!.waitForTimeout(300); // the phone receives the same update as the console
		expect(await card.getByLabel('Unsure', { exact: true }).isChecked()).toBe(true);
		await phones[0]!.getByRole('button', { name: withItem('Save my vote') }).click();
		await phones[0]!.getByText('Your vote is saved — you can change it until the vote closes.').first().waitFor();
	});

	it('before reveal, phones and projector see no split; the console sees groups hidden below 3', async () => {
		const consoleVote = facilitator.getByRole('region', { name: 'Vote: Agree / disagree' });
		await consoleVote.getByText('hidden to protect fewer than 3 people').first().waitFor();
		for (const page of [projector, ...phones]) {
			expect(await page.locator('body').innerText()).not.toMatch(/fewer than 3|% agree/);
		}
		await projector.getByText('Results will be shown when the facilitator reveals them.').waitFor();
	});

	it('the facilitator reveals; the projector shows bars and the table alternative, small groups hidden', async () => {
		await facilitator.getByRole('button', { name: 'Reveal results' }).click();
		const table = projector.getByRole('table', { name: `Results by group: ${RAMPS}` });
		await table.waitFor();
		const everyoneRow = table.getByRole('row', { name: /Everyone/ });
		// The first phone's change may still be on its way: the counts follow it live.
		await expect.poll(() => everyoneRow.innerText(), { timeout: 10_000 }).toMatch(/3\s+1\s+1\s+1\s+33%/);
		for (const group of ['Civil servants', 'Civil society', 'Others']) {
			expect(await table.getByRole('row', { name: new RegExp(group) }).innerText()).toContain('hidden to protect fewer than 3 people');
		}
		await projector.getByRole('img', { name: /Bar chart/ }).first().waitFor();
		await projector.getByText('The ramps are locked after 4 pm').waitFor();
		expect(await projector.locator('main').innerText()).not.toMatch(/Cem|Ed Expert/);
		await axe(projector, 'projector, results revealed');
		await phones[1]!.getByRole('heading', { name: 'Results' }).waitFor();
		await axe(phones[1]!, 'phone, results revealed');
		await axe(facilitator, 'console, results revealed');
	});

	it('after closing, the facilitator confirms an outcome that goes to the finding', async () => {
		await facilitator.getByRole('button', { name: 'Close the vote' }).click();
		const panel = facilitator.getByRole('group', { name: RAMPS });
		await panel.getByLabel('Contested').check();
		await facilitator.getByRole('button', { name: withItem('Confirm outcome') }).click();
		await facilitator.getByText(`Outcome saved for: ${RAMPS}`).waitFor();
		expect((await fx.db.select({ s: finding.status }).from(finding).where(eq(finding.id, findingIds[0]!)).limit(1))[0]!.s).toBe('contested');
		await phones[0]!.getByText('The vote is closed. Thank you!').waitFor();
		await axe(facilitator, 'console, validation');
		// The results page is reached by its link in the console (no dead end: it links back).
		await Promise.all([waitForPath(facilitator, `/workshops/${live.workshopId}/votes/${activityId}`), facilitator.getByRole('link', { name: 'Results page (works without scripts)' }).click()]);
		await facilitator.getByRole('table', { name: `Results by group: ${RAMPS}` }).waitFor();
		await axe(facilitator, 'results page');
		await axe(phones[0]!, 'phone, vote closed');
	});

	it('has no accessibility violations and no page errors', () => {
		expect(axeFindings).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
