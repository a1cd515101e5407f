/**
 * Prioritising action points end to end in real browsers: drafted action points (written by a
 * staff y client) are added to a grid vote through the setup page; on a phone (375×812) a
 * participant places two of them by keyboard only; the facilitator reveals; console, projector,
 * phone and the staff results page show the chart with its list and table; the facilitator
 * applies the suggestions after a confirmation, and the drafts hold the horizons. axe-core checks
 * every state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { castOver } from '../helpers/vote-http';
import { postAction } from '../helpers/actions';
import { createClient, waitFor } from '../helpers/yclient';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration, waitForPath } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PROJECTOR, type LiveWorkshop } from './helpers/live';
import { ballot, voteItem } from '../../src/lib/server/db/schema';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';

const PHONE_375 = { width: 375, height: 812 };
const FORMS = 'Easy-read benefit forms';
const HOUSING = 'Accessible housing plan';
const SAVED = 'Your vote is saved — you can change it until the vote closes.';

describe('prioritising action points on an impact and effort grid', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let fx: Fixtures;
	let facilitator: Page;
	let projector: Page;
	let phone: Page;
	let staffDoc: ReturnType<typeof createClient>;
	let activityId: string;
	let itemIds: string[];
	let others: { cookie: string }[];
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Accessible city', []);
		fx = new Fixtures(server.database);
		const cookie = `${SESSION_COOKIE}=${live.facilitatorToken}`;
		staffDoc = createClient(server.url, docName('actions', live.workshopId), { cookie });
		await staffDoc.synced();
		const ids = [addActionPoint(staffDoc.doc, { title: FORMS }), addActionPoint(staffDoc.doc, { title: HOUSING })];
		const watcher = createClient(server.url, docName('actions', live.workshopId), { cookie });
		await waitFor(() => readActionPoints(watcher.doc).length === 2, 5000, 'action points on the server');
		watcher.destroy();
		({ activityId } = await voteActivity(fx.db, live.workshopId, 'Where do our action points fall?', { anonymity: 'anonymous' }));
		const setup = `/workshops/${live.workshopId}/prepare/${activityId}/vote`;
		expect((await postAction(server.url, `${setup}?/settings`, { kind: 'grid', budget: '5', cap: '3', cycleId: '' }, { cookie })).type).toBe('success');
		for (const id of ids) expect((await postAction(server.url, `${setup}?/actionPoints`, { actionPointId: id }, { cookie })).type).toBe('success');
		const me = await fx.participant(live.workshopId, null, 'Resident / rights holder');
		others = [await fx.participant(live.workshopId, 'Ola', 'Resident / rights holder'), await fx.participant(live.workshopId, 'Ana', 'Resident / rights holder')];
		[facilitator, projector] = await Promise.all([devices.open(LAPTOP, live.facilitatorToken), devices.open(PROJECTOR, live.facilitatorToken)]);
		phone = await devices.openAsParticipant(PHONE_375, me.cookie);
	});

	afterAll(async () => {
		staffDoc?.destroy();
		await fx?.close();
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the facilitator starts the grid vote and opens it', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('heading', { name: 'Vote: Impact and effort grid' }).waitFor();
		await facilitator.getByRole('button', { name: 'Open the vote' }).click();
		await facilitator.getByText('Open', { exact: true }).waitFor();
		itemIds = (await fx.db.select({ id: voteItem.id }).from(voteItem).where(eq(voteItem.activityId, activityId)).orderBy(asc(voteItem.position))).map((i) => i.id);
	});

	/** Moves through a radio group by keyboard: focus its first option, then arrow down `steps` times (0 = pick the first with Space). */
	async function pickByKeyboard(group: ReturnType<Page['getByRole']>, steps: number) {
		await group.getByRole('radio').first().focus();
		if (steps === 0) await phone.keyboard.press('Space');
		for (let i = 0; i < steps; i++) await phone.keyboard.press('ArrowDown');
	}

	it('a participant places two action points on the grid by keyboard', async () => {
		await phone.goto(`${server.url}/w/${live.workshopId}`);
		await waitForHydration(phone);
		await phone.getByText('For each action point, choose how much good it would do').waitFor();
		await axe(phone, 'phone, grid ballot');
		const places: [string, number, number][] = [
			[FORMS, 2, 0], // impact high, effort low
			[HOUSING, 2, 2] // impact high, effort high
		];
		for (const [title, impact, effort] of places) {
			const card = phone.getByRole('group', { name: title, exact: true });
			await pickByKeyboard(card.getByRole('group', { name: 'Impact: how much good would it do?' }), impact);
			await pickByKeyboard(card.getByRole('group', { name: 'Effort: how much work would it take?' }), effort);
			expect(await card.getByRole('radio', { name: 'High' }).first().isChecked()).toBe(true);
			await phone.keyboard.press('Tab');
			expect(await phone.evaluate(() => document.activeElement?.textContent)).toBe(`Save my vote: ${title}`);
			await phone.keyboard.press('Enter');
			await card.locator('xpath=..').getByText(SAVED).waitFor();
		}
		const stored = await fx.db.select({ itemKey: ballot.itemKey, value: ballot.value }).from(ballot).where(eq(ballot.activityId, activityId));
		expect(Object.fromEntries(stored.map((b) => [b.itemKey, JSON.parse(b.value)]))).toEqual({
			[itemIds[0]!]: { impact: 3, effort: 1 },
			[itemIds[1]!]: { impact: 3, effort: 3 }
		});
		await axe(phone, 'phone, grid ballots saved');
		for (const p of others) {
			expect((await castOver(server, p.cookie, live.workshopId, activityId, { itemKey: itemIds[0], value: { impact: 3, effort: 1 } })).status).toBe(200);
			expect((await castOver(server, p.cookie, live.workshopId, activityId, { itemKey: itemIds[1], value: { impact: 2, effort: 3 } })).status).toBe(200);
		}
		await facilitator.getByText('3 people have voted').first().waitFor();
	});

	it('after reveal the console, projector and phone show the chart, its list and the table', async () => {
		await facilitator.getByRole('button', { name: 'Reveal results' }).click();
		const consoleVote = facilitator.getByRole('region', { name: 'Vote: Impact and effort grid' });
		await consoleVote.getByRole('img', { name: /Chart of impact \(up\) against effort \(right\): 2 action points placed/ }).waitFor();
		await consoleVote.getByText('Quick wins: impact 3.0, effort 1.0 (1 low – 3 high)').waitFor();
		await consoleVote.getByText('Strategic: impact 2.3, effort 3.0 (1 low – 3 high)').waitFor();
		await consoleVote.getByText(`Show as table: ${FORMS}`).click();
		const table = consoleVote.getByRole('table', { name: `Results by group: ${FORMS}` });
		expect(await table.getByRole('row', { name: /Everyone/ }).innerText()).toMatch(/3\s+3\.0\s+1\.0/);
		await axe(facilitator, 'console, grid results');

		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await waitForHydration(projector);
		await projector.getByRole('img', { name: /Chart of impact/ }).waitFor();
		await projector.getByRole('table', { name: `Results by group: ${HOUSING}` }).waitFor();
		await axe(projector, 'projector, grid results');

		await phone.getByRole('heading', { name: 'Results' }).waitFor();
		await phone.getByRole('img', { name: /Chart of impact/ }).waitFor();
		await axe(phone, 'phone, grid results');
	});

	it('the facilitator applies the suggestions after a confirmation; the drafts hold the horizons', async () => {
		const panel = facilitator.getByRole('region', { name: 'Quick wins and long-term objectives' });
		await panel.getByText('Suggested: Quick win · Now: No horizon').waitFor();
		await panel.getByText('Suggested: Long-term strategic objective · Now: No horizon').waitFor();
		await panel.getByRole('button', { name: 'Apply all suggestions' }).click();
		const question = panel.getByRole('group', { name: /Set the suggested horizon of 2 action points\?/ });
		await question.waitFor();
		expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
		await axe(facilitator, 'console, confirm horizons');
		await panel.getByRole('button', { name: 'Yes, apply 2 suggestions' }).click();
		await panel.getByText('2 horizons saved.').waitFor();
		await panel.getByText('Suggested: Quick win · Now: Quick win').waitFor();
		await waitFor(() => readActionPoints(staffDoc.doc).map((p) => p.horizon).join() === 'quick_win,strategic', 5000, 'horizons in the drafts');
		await axe(facilitator, 'console, horizons applied');
	});

	it('the staff results page shows the chart and table and sets one horizon', async () => {
		await Promise.all([
			waitForPath(facilitator, `/workshops/${live.workshopId}/votes/${activityId}`),
			facilitator.getByRole('link', { name: 'Results page (works without scripts)' }).click()
		]);
		await waitForHydration(facilitator);
		await facilitator.getByRole('img', { name: /Chart of impact/ }).waitFor();
		await facilitator.getByRole('table', { name: `Results by group: ${HOUSING}` }).waitFor();
		await axe(facilitator, 'results page, grid');
		await facilitator.getByLabel(`Horizon: ${HOUSING}`).selectOption('quick_win');
		await facilitator.getByRole('button', { name: new RegExp(`^Apply\\W+${HOUSING}$`) }).click();
		await facilitator.getByText(`Horizon saved: ${HOUSING}`).waitFor();
		await waitFor(() => readActionPoints(staffDoc.doc)[1]?.horizon === 'quick_win', 5000, 'the chosen horizon in the drafts');
		await axe(facilitator, 'results page, horizon set');
	});

	it('has no accessibility violations and no page errors', () => {
		expect(axeFindings).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
