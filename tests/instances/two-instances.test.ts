/**
 * Two instances of the real server (two processes) on one PostgreSQL database, connected through
 * Redis, with clients split between them: documents converge, every ballot and every facilitator
 * command counts exactly once, participants' notes reach boards on both, and an instance killed
 * under load comes back and catches up from the database with nothing lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startServer, removeDir, tempDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { castOver, voteCommand } from '../helpers/vote-http';
import { postAction } from '../helpers/actions';
import { createClient, waitFor } from '../helpers/yclient';
import { dropSubscriptions, requireRedis, TEST_REDIS_URL } from '../helpers/test-redis';
import { docName, mineDocName } from '../../src/lib/shared/protocol';
import { addActivityNote, addNote, listContributions, notesOf } from '../../src/lib/shared/doc-schema';
import { readControl } from '../../src/lib/shared/control-schema';
import { readPublishedVote } from '../../src/lib/shared/vote-control';
import { ballot, workshopControl } from '../../src/lib/server/db/schema';

type Client = ReturnType<typeof createClient>;

const dir = tempDir('rightsboard-instances-');
const env = { REDIS_URL: TEST_REDIS_URL };
let a: RunningServer;
let b: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let org: string;
const clients: Client[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const open = (server: RunningServer, doc: string, cookie: string) => {
	const c = createClient(server.url, doc, { cookie });
	clients.push(c);
	return c;
};
const noteIds = (c: Client) => [...notesOf(c.doc).keys()].sort();

beforeAll(async () => {
	await requireRedis();
	// One after the other: the first creates the database and migrates it.
	a = await startServer({ dir, env });
	b = await startServer({ dir, env });
	fx = new Fixtures(a.database);
	facilitator = await fx.user('Facilitator');
	org = await fx.organisation([[facilitator, 'facilitator']]);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await fx?.close();
	await Promise.all([a?.stop(), b?.stop()]);
	await removeDir(dir);
});

describe('two instances behind one database and Redis', () => {
	it('converges a board edited through both instances at once', async () => {
		const board = docName('board', await fx.workshop(org));
		const editors = [open(a, board, facilitator.cookie), open(b, board, facilitator.cookie), open(a, board, facilitator.cookie), open(b, board, facilitator.cookie)];
		await Promise.all(editors.map((c) => c.synced()));
		await Promise.all(
			editors.map(async (c, i) => {
				for (let n = 0; n < 40; n++) {
					addNote(c.doc, `e${i}-${n}`, `note ${n} from editor ${i}`);
					if (n % 5 === 0) await sleep(2);
				}
			})
		);
		await waitFor(() => editors.every((c) => notesOf(c.doc).size === 160), 15_000, 'every editor has all 160 notes');
		const expected = noteIds(editors[0]!);
		for (const c of editors) expect(noteIds(c)).toEqual(expected);
		// Clients that only watch get what was written through the other instance, and nothing else
		// happens on their instance that could make it look in the database: that is the fan-out.
		const watchers = [open(a, board, facilitator.cookie), open(a, board, facilitator.cookie)];
		await Promise.all(watchers.map((c) => c.synced()));
		for (let n = 0; n < 10; n++) addNote(editors[1]!.doc, `late-${n}`, `written through the second instance ${n}`);
		await waitFor(() => watchers.every((c) => notesOf(c.doc).size === 170), 10_000, 'watchers on the first instance see notes written through the second');
		// A newcomer on either instance gets all of it.
		for (const server of [a, b]) {
			const late = open(server, board, facilitator.cookie);
			await late.synced();
			await waitFor(() => notesOf(late.doc).size === 170, 5000, 'a newcomer has all notes');
		}
	});

	it('counts ballots sent to both instances exactly once, and both publish the exact count', async () => {
		const workshopId = await fx.workshop(org);
		const { cycleId, findingIds } = await findingsCycle(fx.db, org, ['Ramps at every school']);
		const vote = await voteActivity(fx.db, workshopId, 'Validate', { cycleId, findingIds });
		expect((await voteCommand(a, facilitator.cookie, workshopId, vote.activityId, 'open')).type).toBe('success');
		const people = [];
		for (let i = 0; i < 40; i++) people.push(await fx.participant(workshopId, `Person ${i}`));
		const phones = [open(a, docName('control', workshopId), people[0]!.cookie), open(b, docName('control', workshopId), people[1]!.cookie)];
		const item = vote.itemIds[0]!;
		// Everyone votes at once, alternating instances; every third person sends the same ballot to both.
		const sends = people.slice(0, 30).flatMap((p, i) => {
			const body = { itemKey: item, value: { choice: i % 2 === 0 ? 'agree' : 'unsure' } };
			const first = castOver(i % 2 === 0 ? a : b, p.cookie, workshopId, vote.activityId, body);
			return i % 3 === 0 ? [first, castOver(i % 2 === 0 ? b : a, p.cookie, workshopId, vote.activityId, body)] : [first];
		});
		expect((await Promise.all(sends)).map((r) => r.status)).toEqual(sends.map(() => 200));
		// The last ten vote through the second instance only: the phone on the first sees them through the relay.
		const last = people.slice(30).map((p) => castOver(b, p.cookie, workshopId, vote.activityId, { itemKey: item, value: { choice: 'disagree' } }));
		expect((await Promise.all(last)).map((r) => r.status)).toEqual(last.map(() => 200));
		const [stored] = await fx.db.select({ n: count() }).from(ballot).where(and(eq(ballot.activityId, vote.activityId), eq(ballot.itemKey, item)));
		expect(stored!.n).toBe(40);
		await waitFor(() => phones.every((p) => readPublishedVote(p.doc, vote.activityId)?.ballots === 40), 10_000, 'both instances publish 40 ballots');
	});

	it('applies facilitator commands sent to both instances exactly once', async () => {
		const workshopId = await fx.workshop(org);
		await fx.activity(workshopId, 'Welcome', 'orientation', 0);
		const command = (server: RunningServer, fields: Record<string, string>) => postAction(server.url, `/workshops/${workshopId}/console`, fields, { cookie: facilitator.cookie });
		expect((await command(a, { command: 'next' })).type).toBe('success');
		expect((await command(b, { command: 'timer-start', minutes: '5' })).type).toBe('success');
		expect((await command(a, { command: 'timer-pause' })).type).toBe('success');
		const [paused] = await fx.db.select().from(workshopControl).where(eq(workshopControl.workshopId, workshopId));
		const screens = [open(a, docName('control', workshopId), facilitator.cookie), open(b, docName('control', workshopId), facilitator.cookie)];
		await Promise.all(screens.map((c) => c.synced()));
		const adds = Array.from({ length: 19 }, (_, i) => command(i % 2 === 0 ? a : b, { command: 'timer-add', minutes: '1' }));
		expect((await Promise.all(adds)).map((r) => r.type)).toEqual(adds.map(() => 'success'));
		// The last one through the second instance only: the first shows it through the relay.
		expect((await command(b, { command: 'timer-add', minutes: '1' })).type).toBe('success');
		const [row] = await fx.db.select().from(workshopControl).where(eq(workshopControl.workshopId, workshopId));
		expect(row!.version).toBe(paused!.version + 20);
		expect(row!.timerRemainingMs).toBe(paused!.timerRemainingMs! + 20 * 60_000);
		await waitFor(
			() => screens.every((s) => readControl(s.doc).version === row!.version && readControl(s.doc).timer.remainingMs === row!.timerRemainingMs),
			10_000,
			'both instances show the final state'
		);
	});

	it("takes participants' notes in on one instance and shows them on boards of both", async () => {
		const workshopId = await fx.workshop(org);
		const brainstorm = await fx.activity(workshopId, 'Barriers', 'brainstorm', 0);
		expect((await postAction(a.url, `/workshops/${workshopId}/console`, { command: 'next' }, { cookie: facilitator.cookie })).type).toBe('success');
		const [p1, p2] = [await fx.participant(workshopId, 'Ana'), await fx.participant(workshopId, 'Ben')];
		const mine1 = open(a, mineDocName(workshopId, p1.id), p1.cookie);
		const mine2 = open(b, mineDocName(workshopId, p2.id), p2.cookie);
		const boards = [open(a, docName('board', workshopId), facilitator.cookie), open(b, docName('board', workshopId), facilitator.cookie)];
		await Promise.all([mine1, mine2, ...boards].map((c) => c.synced()));
		for (let i = 0; i < 5; i++) {
			addActivityNote(mine1.doc, `a${i}`, `Ana's note ${i}`, brainstorm);
			addActivityNote(mine2.doc, `b${i}`, `Ben's note ${i}`, brainstorm);
		}
		await waitFor(() => boards.every((bd) => listContributions(bd.doc, brainstorm).length === 10), 10_000, 'both boards show all 10 notes');
	});

	it('catches up from the database what Redis dropped while its subscriptions were cut', async () => {
		const board = docName('board', await fx.workshop(org));
		const writer = open(b, board, facilitator.cookie);
		const watcher = open(a, board, facilitator.cookie);
		await Promise.all([writer.synced(), watcher.synced()]);
		// Every instance's subscription connection is cut; what is published before they are back is lost.
		await dropSubscriptions();
		for (let n = 0; n < 10; n++) addNote(writer.doc, `cut-${n}`, `written while the relay was down ${n}`);
		await waitFor(() => notesOf(watcher.doc).size === 10, 10_000, 'the watcher on the other instance has every note');
	});

	it('brings an instance killed under load back, with every edit anyone saw on every screen', async () => {
		const board = docName('board', await fx.workshop(org));
		const writers = [open(a, board, facilitator.cookie), open(b, board, facilitator.cookie)];
		const observers = [open(a, board, facilitator.cookie), open(b, board, facilitator.cookie)];
		await Promise.all([...writers, ...observers].map((c) => c.synced()));
		const seen = new Set<string>();
		for (const o of observers) o.doc.on('update', () => notesOf(o.doc).forEach((_v, k) => seen.add(k)));
		let n = 0;
		const typing = setInterval(() => writers.forEach((w, i) => addNote(w.doc, `w${i}-${n++}`, `edit ${n}`)), 5);
		await sleep(800);
		const port = b.port;
		await b.kill();
		await sleep(300);
		b = await startServer({ dir, env, port });
		await sleep(800);
		clearInterval(typing);
		await waitFor(() => writers.concat(observers).every((c) => c.provider.synced && c.provider.wsconnected), 15_000, 'everyone reconnected');
		const all = () => new Set([...writers, ...observers].flatMap((c) => noteIds(c)));
		await waitFor(() => [...writers, ...observers].every((c) => notesOf(c.doc).size === all().size), 15_000, 'every screen converged');
		const final = all();
		for (const k of seen) expect(final.has(k), `edit ${k} that an observer saw`).toBe(true);
		for (const server of [a, b]) {
			const fresh = open(server, board, facilitator.cookie);
			await fresh.synced();
			await waitFor(() => notesOf(fresh.doc).size === final.size, 5000, 'a newcomer gets every edit');
		}
		expect(final.size).toBeGreaterThan(100);
	});
});
