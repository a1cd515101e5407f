/**
 * "No one can vote twice, vote for someone else, or see a small group's split, whatever client
 * they use": the ways round it that votes-rules and votes-concurrency do not try. A participant's
 * token moved into another workshop's cookie, a dots ballot split over item keys, a captured
 * request replayed after the vote closed, a participant's cookie on the staff results, and a
 * participant's own sync client writing tallies into the control document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { castOver, staffGet, voteCommand } from '../helpers/vote-http';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { readPublishedVote, VOTES_ROOT } from '../../src/lib/shared/vote-control';
import { PARTICIPANT_COOKIE } from '../../src/lib/server/participants';
import { ballot } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let workshopId: string;
let otherWorkshopId: string;
let agree: { activityId: string; itemIds: string[] };
let dots: { activityId: string; itemIds: string[] };
let elsewhere: { activityId: string; itemIds: string[] };
type Person = { id: string; cookie: string };
let people: Person[];
let expert: Person;

const rows = (activityId: string) =>
	fx.db
		.select({ participant_id: ballot.participantId, item_key: ballot.itemKey, value: ballot.value })
		.from(ballot)
		.where(eq(ballot.activityId, activityId))
		.orderBy(asc(ballot.participantId), asc(ballot.itemKey));

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	const org = await fx.organisation([[facilitator, 'facilitator']]);
	workshopId = await fx.workshop(org);
	otherWorkshopId = await fx.workshop(org, 'Another workshop');
	agree = await voteActivity(fx.db, workshopId, 'Validate', { statements: ['Ramps at every school'], status: 'open', position: 0 });
	dots = await voteActivity(fx.db, workshopId, 'Priorities', { kind: 'dots', budget: 3, cap: 2, statements: ['Transport', 'Housing'], status: 'open', position: 1 });
	elsewhere = await voteActivity(fx.db, otherWorkshopId, 'Elsewhere', { statements: ['Elsewhere'], status: 'open' });
	people = [];
	for (const i of [0, 1, 2]) people.push(await fx.participant(workshopId, `Servant ${i}`, 'Civil servant: policy'));
	expert = await fx.participant(workshopId, 'Erika Expertname', 'Expert');
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('ballots cannot be cast twice or for someone else', () => {
	it("refuses a participant's token moved into another workshop's cookie", async () => {
		const token = people[0]!.cookie.split('=')[1]!;
		const moved = `${PARTICIPANT_COOKIE(otherWorkshopId)}=${token}`;
		const res = await castOver(server, moved, otherWorkshopId, elsewhere.activityId, { itemKey: elsewhere.itemIds[0], value: { choice: 'agree' } });
		expect(res.status).toBe(401);
		expect(await rows(elsewhere.activityId)).toEqual([]);
	});

	it('keeps one dots ballot per participant: item keys cannot split it into several', async () => {
		const [a, b] = dots.itemIds as [string, string];
		const me = people[0]!;
		expect((await castOver(server, me.cookie, workshopId, dots.activityId, { itemKey: '', value: { dots: { [a]: 2, [b]: 1 } } })).status).toBe(200);
		for (const itemKey of [a, b, 'x']) {
			const res = await castOver(server, me.cookie, workshopId, dots.activityId, { itemKey, value: { dots: { [a]: 2, [b]: 1 } } });
			expect(res.status).toBe(400);
			expect(res.body.error).toBe('unknown_item');
		}
		expect(await rows(dots.activityId)).toEqual([{ participant_id: me.id, item_key: '', value: JSON.stringify({ dots: { [a]: 2, [b]: 1 } }) }]);
	});

	it('a captured request replayed after the vote closed changes nothing', async () => {
		const me = people[1]!;
		const captured = { itemKey: agree.itemIds[0], value: { choice: 'disagree' } };
		expect((await castOver(server, me.cookie, workshopId, agree.activityId, captured)).status).toBe(200);
		expect((await castOver(server, me.cookie, workshopId, agree.activityId, { ...captured, value: { choice: 'agree' } })).status).toBe(200);
		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'close')).type).toBe('success');
		const replay = await castOver(server, me.cookie, workshopId, agree.activityId, captured);
		expect(replay.status).toBe(409);
		expect(await rows(agree.activityId)).toEqual([{ participant_id: me.id, item_key: agree.itemIds[0], value: JSON.stringify({ choice: 'agree' }) }]);
		expect((await voteCommand(server, facilitator.cookie, workshopId, agree.activityId, 'reopen')).type).toBe('success');
	});
});

describe("no client sees a small group's split", () => {
	it('refuses the staff results, CSV and commands to a participant cookie', async () => {
		for (const p of [...people, expert]) {
			expect((await castOver(server, p.cookie, workshopId, agree.activityId, { itemKey: agree.itemIds[0], value: { choice: p === expert ? 'disagree' : 'agree' } })).status).toBe(200);
		}
		for (const path of ['results', 'results.csv']) {
			const res = await staffGet(server, expert.cookie, `/workshops/${workshopId}/votes/${agree.activityId}/${path}`);
			expect([303, 401, 403, 404], `${path} answered ${res.status}`).toContain(res.status);
			expect(res.text).not.toMatch(/disagree|Civil servant|Expert/);
		}
		const reveal = await voteCommand(server, expert.cookie, workshopId, agree.activityId, 'reveal');
		expect([303, 401, 403, 404], `reveal answered ${reveal.status}`).toContain(reveal.status);
		const phone = createClient(server.url, docName('control', workshopId), { cookie: expert.cookie });
		await phone.synced();
		await waitFor(() => readPublishedVote(phone.doc, agree.activityId)?.ballots === 4, 5000, 'ballots published');
		expect(readPublishedVote(phone.doc, agree.activityId)!.revealed).toBe(false);
		expect(readPublishedVote(phone.doc, agree.activityId)!.results).toBeUndefined();
		phone.destroy();
	});

	it("refuses a participant's sync client that writes tallies into the control document", async () => {
		const rogue = createClient(server.url, docName('control', workshopId), { cookie: expert.cookie });
		await rogue.synced();
		await waitFor(() => readPublishedVote(rogue.doc, agree.activityId) !== null, 5000, 'vote published');
		const closed = new Promise<number>((resolve) => rogue.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
		const forged = readPublishedVote(rogue.doc, agree.activityId)!;
		rogue.doc.getMap(VOTES_ROOT).set(agree.activityId, { ...forged, revealed: true, ballots: 99 });
		expect(await closed).toBe(4403);
		rogue.destroy();
		const check = createClient(server.url, docName('control', workshopId), { cookie: people[2]!.cookie });
		await check.synced();
		await waitFor(() => readPublishedVote(check.doc, agree.activityId) !== null, 5000, 'vote published');
		expect(readPublishedVote(check.doc, agree.activityId)).toMatchObject({ ballots: 4, revealed: false });
		check.destroy();
	});
});
