/**
 * Prioritising action points against the real server: drafted action points (written into
 * `actions.<workshopId>` by a staff y client) become vote items through the setup page; grid
 * ballots are checked over HTTP (bad levels refused, nothing stored); dot voting works on them;
 * after reveal, facilitators apply suggested or chosen horizons, which the server writes into the
 * actions document (read back with a real y client). Participants and members cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { castOver, staffGet, voteCommand } from '../helpers/vote-http';
import { postAction } from '../helpers/actions';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints, removeActionPoint } from '../../src/lib/shared/action-point-doc';
import type { HorizonRow } from '../../src/lib/shared/horizon-suggestion';
import type { VoteResults } from '../../src/lib/shared/vote-results';
import { ballot, voteItem } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let workshopId: string;
let staffDoc: ReturnType<typeof createClient>;
let forms: string;
let housing: string;
let ramps: string;
let grid: { activityId: string; itemIds: string[] };
let dots: { activityId: string; itemIds: string[] };
type Person = { id: string; cookie: string };
let people: Person[];

const ballotCount = async (activityId: string) => (await fx.db.select({ n: count() }).from(ballot).where(eq(ballot.activityId, activityId)))[0]!.n;
const ballotValues = async (activityId: string) =>
	(await fx.db.select({ value: ballot.value }).from(ballot).where(eq(ballot.activityId, activityId)).orderBy(asc(ballot.participantId), asc(ballot.itemKey))).map((r) => r.value);
const horizonOf = (id: string) => readActionPoints(staffDoc.doc).find((p) => p.id === id)?.horizon;
const setup = (activityId: string, action: string, fields: Record<string, string>) =>
	postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}/vote?/${action}`, fields, { cookie: facilitator.cookie });
const votePage = (activityId: string, action: string, fields: Record<string, string>, cookie: string) =>
	postAction(server.url, `/workshops/${workshopId}/votes/${activityId}?/${action}`, fields, { cookie });

/** Adds the chosen action points as items (the form posts `actionPointId` once per point). */
async function addPoints(activityId: string, ids: string[]) {
	const res = await fetch(`${server.url}/workshops/${workshopId}/prepare/${activityId}/vote?/actionPoints`, {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: facilitator.cookie },
		body: new URLSearchParams(ids.map((id) => ['actionPointId', id])).toString()
	});
	expect(((await res.json()) as { type: string }).type).toBe('success');
	return (await fx.db.select({ id: voteItem.id }).from(voteItem).where(eq(voteItem.activityId, activityId)).orderBy(asc(voteItem.position))).map((r) => r.id);
}

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	const org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	workshopId = await fx.workshop(org);
	people = [];
	for (const i of [0, 1, 2]) people.push(await fx.participant(workshopId, `Servant ${i}`, 'Civil servant: policy'));
	for (const i of [0, 1, 2]) people.push(await fx.participant(workshopId, `Resident ${i}`, 'Resident / rights holder'));
	// Drafted action points, written as staff do in the editor.
	staffDoc = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
	await staffDoc.synced();
	forms = addActionPoint(staffDoc.doc, { title: 'Easy-read forms' });
	housing = addActionPoint(staffDoc.doc, { title: 'Accessible housing plan' });
	ramps = addActionPoint(staffDoc.doc, { title: 'Ramps at the town hall' });
	// A second client sees them only once the server has committed them.
	const watcher = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
	await waitFor(() => readActionPoints(watcher.doc).length === 3, 5000, 'action points on the server');
	watcher.destroy();

	grid = await voteActivity(fx.db, workshopId, 'Impact and effort', { position: 0, anonymity: 'anonymous' });
	expect((await setup(grid.activityId, 'settings', { kind: 'grid', budget: '5', cap: '3', cycleId: '' })).type).toBe('success');
	grid.itemIds = await addPoints(grid.activityId, [forms, housing, ramps]);
	dots = await voteActivity(fx.db, workshopId, 'Dots on action points', { kind: 'dots', budget: 3, cap: 2, position: 1 });
	dots.itemIds = await addPoints(dots.activityId, [forms, housing]);
});

afterAll(async () => {
	staffDoc?.destroy();
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('grid ballots over HTTP', () => {
	it('makes each action point an item that remembers its point', async () => {
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/results`);
		const results = (JSON.parse(res.text) as { results: VoteResults }).results;
		expect(results.kind).toBe('grid');
		expect(results.items.map((i) => [i.text, i.actionPointId])).toEqual([
			['Easy-read forms', forms],
			['Accessible housing plan', housing],
			['Ramps at the town hall', ramps]
		]);
	});

	it('refuses bad levels and stores nothing', async () => {
		expect((await voteCommand(server, facilitator.cookie, workshopId, grid.activityId, 'open')).type).toBe('success');
		const [first] = grid.itemIds as [string];
		for (const value of [{ impact: 4, effort: 1 }, { impact: 0, effort: 2 }, { impact: '3', effort: 1 }, { impact: 2 }, { impact: 1.5, effort: 2 }, null, { score: 3 }]) {
			const res = await castOver(server, people[0]!.cookie, workshopId, grid.activityId, { itemKey: first, value });
			expect(res.status).toBe(400);
			expect(res.body.error).toBe('bad_level');
			expect(String(res.body.message)).toMatch(/low, medium or high/);
		}
		expect((await castOver(server, people[0]!.cookie, workshopId, grid.activityId, { itemKey: 'nope', value: { impact: 3, effort: 1 } })).body.error).toBe('unknown_item');
		expect(await ballotCount(grid.activityId)).toBe(0);
	});

	it('stores one ballot per person and item, and a second post changes it', async () => {
		const [f, h] = grid.itemIds as [string, string];
		for (const p of people) {
			expect((await castOver(server, p.cookie, workshopId, grid.activityId, { itemKey: f, value: { impact: 1, effort: 1 } })).status).toBe(200);
			expect((await castOver(server, p.cookie, workshopId, grid.activityId, { itemKey: f, value: { impact: 3, effort: 1 } })).status).toBe(200);
			expect((await castOver(server, p.cookie, workshopId, grid.activityId, { itemKey: h, value: { impact: 3, effort: 3 } })).status).toBe(200);
		}
		// Only two people place the third point: it stays hidden.
		for (const p of people.slice(0, 2)) await castOver(server, p.cookie, workshopId, grid.activityId, { itemKey: grid.itemIds[2], value: { impact: 1, effort: 3 } });
		expect(await ballotCount(grid.activityId)).toBe(14);
		expect(new Set(await ballotValues(grid.activityId))).toEqual(new Set([JSON.stringify({ impact: 3, effort: 1 }), JSON.stringify({ impact: 3, effort: 3 }), JSON.stringify({ impact: 1, effort: 3 })]));
	});

	it('dot voting works on action points too', async () => {
		expect((await voteCommand(server, facilitator.cookie, workshopId, dots.activityId, 'open')).type).toBe('success');
		const [f, h] = dots.itemIds as [string, string];
		for (const p of people) expect((await castOver(server, p.cookie, workshopId, dots.activityId, { itemKey: '', value: { dots: { [f]: 2, [h]: 1 } } })).status).toBe(200);
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${dots.activityId}/results`);
		const results = (JSON.parse(res.text) as { results: VoteResults }).results;
		expect(results.items.map((i) => [i.actionPointId, i.groups[0]!.tally])).toEqual([
			[forms, { dots: 12, share: 0.6667 }],
			[housing, { dots: 6, share: 0.3333 }]
		]);
	});
});

describe('applying horizons', () => {
	it('is refused before the results are revealed or the vote closed, and changes nothing', async () => {
		const res = await votePage(grid.activityId, 'horizon', { actionPointId: forms, horizon: 'quick_win' }, facilitator.cookie);
		expect(res.type).toBe('failure');
		expect(String(res.data)).toMatch(/Reveal the results or close the vote/);
		expect(horizonOf(forms)).toBe('');
	});

	it('suggests a horizon per action point once revealed', async () => {
		expect((await voteCommand(server, facilitator.cookie, workshopId, grid.activityId, 'reveal')).type).toBe('success');
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/horizons`);
		expect(res.status).toBe(200);
		const body = JSON.parse(res.text) as { ready: boolean; rows: HorizonRow[] };
		expect(body.ready).toBe(true);
		expect(body.rows.map((r) => [r.number, r.actionPointId, r.quadrant, r.suggested, r.current])).toEqual([
			[1, forms, 'quick_win', 'quick_win', ''],
			[2, housing, 'strategic', 'strategic', ''],
			[3, ramps, null, null, '']
		]);
	});

	it('participants and members cannot apply horizons or read the suggestions', async () => {
		const asParticipant = await votePage(grid.activityId, 'horizon', { actionPointId: forms, horizon: 'strategic' }, people[0]!.cookie);
		expect(asParticipant.type).not.toBe('success');
		const allAsParticipant = await votePage(grid.activityId, 'horizons', { confirm: 'yes' }, people[0]!.cookie);
		expect(allAsParticipant.type).not.toBe('success');
		const asMember = await votePage(grid.activityId, 'horizons', { confirm: 'yes' }, member.cookie);
		expect(asMember.status).toBe(404);
		expect((await staffGet(server, member.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/horizons`)).status).toBe(404);
		expect((await staffGet(server, people[0]!.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/horizons`)).status).not.toBe(200);
		// Nothing reached the drafts.
		const probe = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
		await probe.synced();
		expect(readActionPoints(probe.doc).map((p) => p.horizon)).toEqual(['', '', '']);
		probe.destroy();
	});

	it('refuses bad input with a clear message and changes nothing', async () => {
		const cases: [Record<string, string>, RegExp][] = [
			[{ actionPointId: forms, horizon: 'someday' }, /Choose quick win, long-term strategic objective or no horizon/],
			[{ actionPointId: 'notanactionpoint1', horizon: 'quick_win' }, /not part of this vote/],
			[{ horizon: 'quick_win' }, /not part of this vote/]
		];
		for (const [fields, message] of cases) {
			const res = await votePage(grid.activityId, 'horizon', fields, facilitator.cookie);
			expect(res.status).toBe(400);
			expect(String(res.data)).toMatch(message);
		}
		const unconfirmed = await votePage(grid.activityId, 'horizons', {}, facilitator.cookie);
		expect(String(unconfirmed.data)).toMatch(/Confirm first/);
		const notGrid = await votePage(dots.activityId, 'horizon', { actionPointId: forms, horizon: 'quick_win' }, facilitator.cookie);
		expect(String(notGrid.data)).toMatch(/impact and effort grid/);
		expect(readActionPoints(staffDoc.doc).map((p) => p.horizon)).toEqual(['', '', '']);
	});

	it('writes a chosen horizon into the actions document', async () => {
		const res = await votePage(grid.activityId, 'horizon', { actionPointId: housing, horizon: 'quick_win' }, facilitator.cookie);
		expect(res.type).toBe('success');
		await waitFor(() => horizonOf(housing) === 'quick_win', 5000, 'the chosen horizon in the staff client');
		expect(horizonOf(forms)).toBe('');
	});

	it('applies every suggestion once confirmed; points without one keep theirs', async () => {
		const res = await votePage(grid.activityId, 'horizons', { confirm: 'yes' }, facilitator.cookie);
		expect(res.type).toBe('success');
		// Form results come back serialised by devalue: `[{"horizonsSaved":1},2]`.
		expect(JSON.parse(String(res.data))).toEqual([{ horizonsSaved: 1 }, 2]);
		await waitFor(() => horizonOf(forms) === 'quick_win' && horizonOf(housing) === 'strategic', 5000, 'suggested horizons in the staff client');
		expect(horizonOf(ramps)).toBe('');
		// A fresh client reads the same from the server.
		const fresh = createClient(server.url, docName('actions', workshopId), { cookie: member.cookie });
		await fresh.synced();
		expect(readActionPoints(fresh.doc).map((p) => [p.title, p.horizon])).toEqual([
			['Easy-read forms', 'quick_win'],
			['Accessible housing plan', 'strategic'],
			['Ramps at the town hall', '']
		]);
		fresh.destroy();
	});

	it('says so when the action point was removed from the drafts', async () => {
		removeActionPoint(staffDoc.doc, ramps);
		const watcher = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
		await waitFor(() => readActionPoints(watcher.doc).length === 2, 5000, 'the removal on the server');
		watcher.destroy();
		const res = await votePage(grid.activityId, 'horizon', { actionPointId: ramps, horizon: 'strategic' }, facilitator.cookie);
		expect(res.status).toBe(400);
		expect(String(res.data)).toMatch(/no longer in this workshop's drafts/);
		const rows = JSON.parse((await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/horizons`)).text) as { rows: HorizonRow[] };
		expect(rows.rows.find((r) => r.actionPointId === ramps)?.missing).toBe(true);
	});

	it('exports the grid means in the CSV', async () => {
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${grid.activityId}/results.csv`);
		const [header, firstRow] = res.text.split('\r\n');
		expect(header).toContain('mean_impact,mean_effort');
		expect(firstRow).toMatch(/^1,Easy-read forms,,all,all,6,,no,3,1$/);
	});
});
