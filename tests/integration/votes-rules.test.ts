/**
 * Votes against the real server: every refusal is clear and changes nothing; small groups stay
 * hidden in the control document, the results API and the CSV export; the facilitator's reveal
 * decides what the control document carries; validation outcomes reach the finding's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { castOver, staffGet, voteCommand } from '../helpers/vote-http';
import { postAction } from '../helpers/actions';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { readPublishedVote } from '../../src/lib/shared/vote-control';
import { ballot, finding, findingEvent, findingProposal, workshop } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let workshopId: string;
let otherWorkshop: { workshopId: string; activityId: string; itemIds: string[] };
let agree: { activityId: string; itemIds: string[] };
let dots: { activityId: string; itemIds: string[] };
let findingIds: string[];
type Person = { id: string; cookie: string };
let servants: Person[];
let residents: Person[];
let expert: Person;

const ballotCount = async (activityId: string) => (await fx.db.select({ n: count() }).from(ballot).where(eq(ballot.activityId, activityId)))[0]!.n;
const ballotRows = (activityId: string) =>
	fx.db
		.select({ participant_id: ballot.participantId, value: ballot.value })
		.from(ballot)
		.where(eq(ballot.activityId, activityId))
		.orderBy(asc(ballot.participantId), asc(ballot.itemKey));

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
	const cycle = await findingsCycle(fx.db, org, ['Ramps at every school', 'Forms in easy language']);
	findingIds = cycle.findingIds;
	agree = await voteActivity(fx.db, workshopId, 'Validate', { cycleId: cycle.cycleId, findingIds, position: 0 });
	dots = await voteActivity(fx.db, workshopId, 'Priorities', { kind: 'dots', budget: 4, cap: 2, statements: ['Transport', 'Housing', 'Schools'], position: 1 });
	servants = [];
	for (const i of [0, 1, 2]) servants.push(await fx.participant(workshopId, `Servant ${i}`, 'Civil servant: policy'));
	residents = [];
	for (const i of [0, 1, 2]) residents.push(await fx.participant(workshopId, `Resident ${i}`, 'Resident / rights holder'));
	expert = await fx.participant(workshopId, 'Erika Expertname', 'Expert');
	const other = await fx.workshop(org, 'Another workshop');
	otherWorkshop = { workshopId: other, ...(await voteActivity(fx.db, other, 'Elsewhere', { statements: ['Elsewhere'], status: 'open' })) };
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('ballots are checked by the server', () => {
	it('refuses ballots while the vote is not open, and changes nothing', async () => {
		const res = await castOver(server, servants[0]!.cookie, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: 'agree' } });
		expect(res.status).toBe(409);
		expect(res.body.message).toMatch(/not open/);
		expect(await ballotCount(agree.activityId)).toBe(0);
	});

	it('only facilitators open a vote', async () => {
		expect((await voteCommand(server, member.cookie, workshopId, agree.activityId, 'open')).status).toBe(404);
		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'bogus')).status).toBe(400);
		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'open')).type).toBe('success');
		expect((await voteCommand(server, facilitator.cookie, workshopId, dots.activityId, 'open')).type).toBe('success');
	});

	it('refuses malformed values, unknown items, long reasons and other workshops’ votes', async () => {
		const p = servants[0]!;
		const cases: [unknown, number, RegExp][] = [
			[{ itemKey: agree.itemIds[0], value: { choice: 'maybe' } }, 400, /agree, disagree or unsure/],
			[{ itemKey: 'nope', value: { choice: 'agree' } }, 400, /not part of this vote/],
			[{ itemKey: agree.itemIds[0], value: { choice: 'agree' }, reason: 'x'.repeat(501) }, 400, /500/],
			['not an object', 400, /agree, disagree or unsure|not part/]
		];
		for (const [body, status, message] of cases) {
			const res = await castOver(server, p.cookie, workshopId, agree.activityId, body);
			expect(res.status).toBe(status);
			expect(String(res.body.message)).toMatch(message);
		}
		const raw = await fetch(`${server.url}/w/${workshopId}/votes/${agree.activityId}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: p.cookie }, body: '{oops' });
		expect(raw.status).toBe(400);
		// The other workshop's vote is open, but not this participant's.
		const elsewhere = await castOver(server, p.cookie, workshopId, otherWorkshop.activityId, { itemKey: otherWorkshop.itemIds[0], value: { choice: 'agree' } });
		expect(elsewhere.status).toBe(404);
		const crossCookie = await castOver(server, p.cookie, otherWorkshop.workshopId, otherWorkshop.activityId, { itemKey: otherWorkshop.itemIds[0], value: { choice: 'agree' } });
		expect(crossCookie.status).toBe(401);
		expect((await castOver(server, null, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: 'agree' } })).status).toBe(401);
		expect((await ballotCount(agree.activityId)) + (await ballotCount(otherWorkshop.activityId))).toBe(0);
	});

	it('keeps dots within budget and cap', async () => {
		const p = residents[0]!;
		const [a, b, c] = dots.itemIds as [string, string, string];
		expect((await castOver(server, p.cookie, workshopId, dots.activityId, { itemKey: '', value: { dots: { [a]: 2, [b]: 2, [c]: 1 } } })).body.error).toBe('over_budget');
		expect((await castOver(server, p.cookie, workshopId, dots.activityId, { itemKey: '', value: { dots: { [a]: 3 } } })).body.error).toBe('over_cap');
		expect(await ballotCount(dots.activityId)).toBe(0);
		expect((await castOver(server, p.cookie, workshopId, dots.activityId, { itemKey: '', value: { dots: { [a]: 2, [b]: 2 } } })).status).toBe(200);
		expect(await ballotRows(dots.activityId)).toEqual([{ participant_id: p.id, value: JSON.stringify({ dots: { [a]: 2, [b]: 2 } }) }]);
	});

	it('a participant can only ever vote as themselves', async () => {
		const [me, victim] = [servants[1]!, servants[2]!];
		const res = await castOver(server, me.cookie, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: 'disagree' }, participantId: victim.id });
		expect(res.status).toBe(200);
		const rows = await ballotRows(agree.activityId);
		expect(rows.map((r) => r.participant_id)).toEqual([me.id]);
		// A removed participant cannot vote any more.
		const removed = await fx.participant(workshopId, 'Gone', 'Expert');
		expect((await postAction(server.url, `/workshops/${workshopId}/people?/remove`, { participantId: removed.id, confirm: 'yes' }, { cookie: facilitator.cookie })).status).toBeLessThan(400);
		expect((await castOver(server, removed.cookie, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: 'agree' } })).status).toBe(401);
	});
});

describe('small groups and reveal', () => {
	it('hides the lone expert in the control document, the results API and the CSV export', async () => {
		const votes: [Person, string][] = [
			...servants.map((p): [Person, string] => [p, 'agree']),
			...residents.map((p, i): [Person, string] => [p, i === 0 ? 'agree' : 'disagree']),
			[expert, 'disagree']
		];
		for (const [p, choice] of votes) {
			for (const item of agree.itemIds) {
				const reason = p === residents[1] ? 'Buses never stop near the school' : '';
				expect((await castOver(server, p.cookie, workshopId, agree.activityId, { itemKey: item, value: { choice }, reason })).status).toBe(200);
			}
		}
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/results`);
		const groups = (JSON.parse(res.text) as { results: { items: { groups: { key: string; hidden: boolean; voters: number | null; tally: unknown }[] }[] } }).results.items[0]!.groups;
		expect(groups.find((g) => g.key === 'kind:other')).toMatchObject({ hidden: true, voters: null, tally: null });
		// 7 voters, 3 + 3 shown would reveal the expert as 7 - 6 = 1: the total is hidden, both sides stay.
		expect(groups.filter((g) => g.hidden).map((g) => g.key).sort()).toEqual(['all', 'kind:other']);
		expect(groups.find((g) => g.key === 'all')).toMatchObject({ hidden: true, voters: null, tally: null });
		expect(groups.find((g) => g.key === 'kind:civil_society')).toMatchObject({ hidden: false, voters: 3 });

		const csv = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/results.csv`);
		expect(csv.status).toBe(200);
		const otherRow = csv.text.split('\r\n').find((l) => l.includes(',kind,other,'))!;
		expect(otherRow).toContain('hidden to protect fewer than 3 people');
		expect(otherRow).not.toMatch(/,\d+,\d+,\d+,/);
		expect(csv.text.split('\r\n')[0]).toBe('item,statement,finding_id,group_scope,group,voters,note,gap,agree,disagree,unsure,agree_share');
		expect((await staffGet(server, member.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/results.csv`)).status).toBe(404);
		expect((await staffGet(server, member.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/results`)).status).toBe(404);
	});

	it('carries results in the control document only while revealed, with small groups hidden', async () => {
		const phone = createClient(server.url, docName('control', workshopId), { cookie: expert.cookie });
		await phone.synced();
		await waitFor(() => readPublishedVote(phone.doc, agree.activityId)?.ballots === 7, 5000, 'ballots published');
		expect(readPublishedVote(phone.doc, agree.activityId)!.results).toBeUndefined();
		expect(JSON.stringify(phone.doc.getMap('votes').toJSON())).not.toContain('Buses');

		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'reveal')).type).toBe('success');
		await waitFor(() => readPublishedVote(phone.doc, agree.activityId)?.results !== undefined, 5000, 'results revealed');
		const results = readPublishedVote(phone.doc, agree.activityId)!.results!;
		expect(results.items[0]!.groups.find((g) => g.key === 'kind:other')).toMatchObject({ hidden: true, voters: null, tally: null });
		expect(results.items[0]!.reasons).toEqual([{ answer: 'disagree', reasons: [{ text: 'Buses never stop near the school', group: 'civil_society' }] }]);
		// The side is said (it is shown), never the person.
		expect(JSON.stringify(results)).not.toMatch(/Erika|Resident 1|Servant/);

		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'hide')).type).toBe('success');
		await waitFor(() => readPublishedVote(phone.doc, agree.activityId)?.results === undefined, 5000, 'results hidden again');
		phone.destroy();
	});
});

describe('validation of findings and proposals', () => {
	it('stores the outcome on the finding and in its history, only after closing', async () => {
		const outcome = (fields: Record<string, string>) => postAction(server.url, `/workshops/${workshopId}/votes/${agree.activityId}?/outcome`, fields, { cookie: facilitator.cookie });
		expect((await outcome({ findingId: findingIds[0]!, outcome: 'validated' })).status).toBe(400);
		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'close')).type).toBe('success');
		expect((await castOver(server, servants[0]!.cookie, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: 'unsure' } })).status).toBe(409);
		expect((await outcome({ findingId: findingIds[0]!, outcome: 'approved' })).status).toBe(400);
		expect((await outcome({ findingId: 'not-a-finding', outcome: 'contested' })).status).toBe(400);
		expect((await postAction(server.url, `/workshops/${workshopId}/votes/${agree.activityId}?/outcome`, { findingId: findingIds[0]!, outcome: 'contested' }, { cookie: member.cookie })).status).toBe(404);
		expect((await outcome({ findingId: findingIds[0]!, outcome: 'contested' })).type).toBe('success');

		expect((await fx.db.select({ status: finding.status }).from(finding).where(eq(finding.id, findingIds[0]!)).limit(1))[0]!.status).toBe('contested');
		const event = (await fx.db.select().from(findingEvent).where(eq(findingEvent.findingId, findingIds[0]!)).orderBy(asc(findingEvent.id)).limit(1))[0]!;
		expect(event).toMatchObject({ action: 'workshop_validation', workshopId, actorUserId: facilitator.id });
		const detail = JSON.parse(event.detail) as { outcome: string; tallies: { group: string; voters: number; counts: Record<string, number> }[]; minorityReasons: string[] };
		expect(detail.outcome).toBe('contested');
		// Only shown groups are kept: the lone expert and the total that would reveal them are not.
		expect(detail.tallies.find((t) => t.group === 'kind:civil_servants')).toMatchObject({ voters: 3, counts: { agree: 3, disagree: 0, unsure: 0 } });
		expect(detail.tallies.find((t) => t.group === 'kind:civil_society')).toMatchObject({ voters: 3, counts: { agree: 1, disagree: 2, unsure: 0 } });
		expect(detail.tallies.some((t) => t.group === 'kind:other' || t.group === 'all')).toBe(false);
		expect(detail.minorityReasons).toEqual([]);
		expect(event.detail).not.toMatch(/Erika|Resident \d|Servant \d/);
	});

	it('takes proposals from participants with their role group and no name', async () => {
		const url = `${server.url}/w/${workshopId}/votes/${agree.activityId}/proposals`;
		const send = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: residents[2]!.cookie }, body: JSON.stringify(body) });
		expect((await send({ statement: '  ' })).status).toBe(400);
		expect((await send({ findingId: 'elsewhere', statement: 'Change it' })).status).toBe(400);
		expect((await send({ statement: 'Night buses do not run to the outskirts', reason: 'I wait an hour' })).status).toBe(200);
		expect((await send({ findingId: findingIds[1], statement: 'Forms exist in easy language but not online' })).status).toBe(200);
		const rows = await fx.db.select().from(findingProposal).where(eq(findingProposal.workshopId, workshopId));
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.roleGroup === 'Resident / rights holder' && r.status === 'pending')).toBe(true);
		expect(rows.find((r) => r.findingId === findingIds[1])).toBeTruthy();
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/results`);
		expect(JSON.parse(res.text).proposals).toBe(2);
	});

	it('keeps no role group with a proposal made in an anonymous activity', async () => {
		const [owner] = await fx.db.select({ o: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
		const cycle = await findingsCycle(fx.db, owner!.o, ['Lifts are broken']);
		const secret = await voteActivity(fx.db, workshopId, 'Secret', { cycleId: cycle.cycleId, findingIds: cycle.findingIds, status: 'open', anonymity: 'anonymous', position: 2 });
		const res = await fetch(`${server.url}/w/${workshopId}/votes/${secret.activityId}/proposals`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: expert.cookie },
			body: JSON.stringify({ statement: 'Only one lift works in winter' })
		});
		expect(res.status).toBe(200);
		const row = (await fx.db.select().from(findingProposal).where(eq(findingProposal.cycleId, cycle.cycleId)).limit(1))[0]!;
		expect(row).toMatchObject({ statement: 'Only one lift works in winter', roleGroup: '' });
	});
});
