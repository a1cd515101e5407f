/**
 * What docs/operations.md promises when a service the instances share goes away. PostgreSQL or
 * Redis is made unreachable for the servers under test alone, by relaying their connections
 * through a TCP relay that the test cuts (tcp-proxy.ts): the real services keep running.
 *
 * - PostgreSQL unreachable: nothing can be committed, so nothing is sent to peers; connections of
 *   the document are closed with 4503 and /healthz answers 503. Once it is back, clients reconnect
 *   by themselves and what was typed meanwhile arrives and is stored.
 * - Redis unreachable: each instance keeps serving its own clients; once Redis is back, clients of
 *   the other instance get everything written meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, tempDir, type RunningServer } from '../helpers/server';
import { databaseFor, TEST_PG_URL } from '../helpers/test-database';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { requireRedis, TEST_REDIS_URL } from '../helpers/test-redis';
import { TcpProxy } from '../helpers/tcp-proxy';
import { CloseCode, docName } from '../../src/lib/shared/protocol';
import { addNote, notesOf } from '../../src/lib/shared/doc-schema';

type Client = ReturnType<typeof createClient>;

const clients: Client[] = [];
const servers: RunningServer[] = [];
const proxies: TcpProxy[] = [];
const dirs: string[] = [];
const fixtures: Fixtures[] = [];

const open = (server: RunningServer, doc: string, cookie: string) => {
	const c = createClient(server.url, doc, { cookie });
	clients.push(c);
	return c;
};
const proxyTo = async (url: string) => {
	const u = new URL(url);
	const proxy = await TcpProxy.start(u.hostname, Number(u.port));
	proxies.push(proxy);
	return proxy;
};
const start = async (dir: string, env: Record<string, string>) => {
	const server = await startServer({ dir, env });
	servers.push(server);
	return server;
};
const health = async (server: RunningServer) => (await fetch(`${server.url}/healthz`)).status;
const has = (c: Client, id: string) => notesOf(c.doc).has(id);

/** A workshop board and a facilitator who may write it, on the database of `server`. */
async function boardOf(server: RunningServer): Promise<{ board: string; facilitator: TestUser }> {
	const fx = new Fixtures(server.database);
	fixtures.push(fx);
	const facilitator = await fx.user('Facilitator');
	const org = await fx.organisation([[facilitator, 'facilitator']]);
	return { board: docName('board', await fx.workshop(org)), facilitator };
}

beforeAll(requireRedis);

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const fx of fixtures) await fx.close();
	await Promise.all(servers.map((s) => s.stop()));
	for (const p of proxies) await p.close();
	for (const dir of dirs) await removeDir(dir);
});

describe('when a shared service is unreachable', () => {
	it('PostgreSQL: edits are refused with 4503 and /healthz answers 503; once it is back, what was typed arrives and is stored', async () => {
		const dir = tempDir('rightsboard-outage-pg-');
		dirs.push(dir);
		const pgProxy = await proxyTo(TEST_PG_URL);
		const server = await start(dir, { DATABASE_URL: pgProxy.rewrite(await databaseFor(dir)) });
		const { board, facilitator } = await boardOf(server);
		const writer = open(server, board, facilitator.cookie);
		const watcher = open(server, board, facilitator.cookie);
		await Promise.all([writer.synced(), watcher.synced()]);
		const closes: number[] = [];
		writer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
		addNote(writer.doc, 'before', 'typed while the database answers');
		await waitFor(() => has(watcher, 'before'), 10_000, 'the first note reaches the watcher');
		expect(await health(server)).toBe(200);

		await pgProxy.cut();
		await waitFor(async () => (await health(server)) === 503, 10_000, '/healthz answering 503');
		addNote(writer.doc, 'during', 'typed while the database is unreachable');
		await waitFor(() => closes.includes(CloseCode.Unavailable.code), 15_000, 'the writer closed with 4503');
		expect(server.output()).toMatch(/document storage failed; closing its connections/);
		// Nothing reaches a peer before it is stored.
		expect(has(watcher, 'during')).toBe(false);

		await pgProxy.restore();
		await waitFor(async () => (await health(server)) === 200, 15_000, '/healthz answering 200 again');
		await waitFor(() => has(watcher, 'during'), 30_000, 'the note typed during the outage reaching the watcher');
		expect(server.child.exitCode).toBeNull();

		// It is stored: after a restart (straight to the database) a newcomer gets both notes.
		await server.stop();
		const again = await start(dir, {});
		const newcomer = open(again, board, facilitator.cookie);
		await newcomer.synced();
		expect(has(newcomer, 'before') && has(newcomer, 'during')).toBe(true);
	}, 120_000);

	it('Redis: each instance keeps serving its own clients; once it is back, the other instance catches up', async () => {
		const dir = tempDir('rightsboard-outage-redis-');
		dirs.push(dir);
		const redisProxy = await proxyTo(TEST_REDIS_URL);
		const env = { REDIS_URL: redisProxy.rewrite(TEST_REDIS_URL) };
		const a = await start(dir, env); // one after the other: the first creates and migrates the database
		const b = await start(dir, env);
		const { board, facilitator } = await boardOf(a);
		const [writerA, readerA, writerB, readerB] = [a, a, b, b].map((s) => open(s, board, facilitator.cookie)) as [Client, Client, Client, Client];
		await Promise.all([writerA, readerA, writerB, readerB].map((c) => c.synced()));
		addNote(writerA.doc, 'first', 'before the outage');
		await waitFor(() => has(readerB, 'first'), 10_000, 'a note crossing between instances');

		const errors = (s: RunningServer) => (s.output().match(/redis connection error/g) ?? []).length;
		await redisProxy.cut();
		// Both instances have tried to reach Redis and failed: the outage is real for both.
		await waitFor(() => errors(a) > 0 && errors(b) > 0, 15_000, 'both instances failing to reach Redis');
		for (let n = 0; n < 20; n++) addNote(writerA.doc, `a-${n}`, `through the first instance ${n}`);
		for (let n = 0; n < 20; n++) addNote(writerB.doc, `b-${n}`, `through the second instance ${n}`);
		await waitFor(() => notesOf(readerA.doc).size >= 21 && notesOf(readerB.doc).size >= 21, 10_000, 'each instance serving its own clients');
		expect(has(readerA, 'a-19') && has(readerB, 'b-19')).toBe(true);
		// Nothing else carries updates between the instances.
		expect(has(readerB, 'a-0') || has(readerA, 'b-0')).toBe(false);

		await redisProxy.restore();
		await waitFor(
			() => [writerA, readerA, writerB, readerB].every((c) => notesOf(c.doc).size === 41),
			30_000,
			'every client of both instances having all 41 notes'
		);
		expect(a.child.exitCode).toBeNull();
		expect(b.child.exitCode).toBeNull();
	}, 120_000);
});
