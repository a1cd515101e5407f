import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startServer, removeDir, tempDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { docSnapshot } from '../../src/lib/server/db/schema';
import { addNote, listNotes } from '../../src/lib/shared/doc-schema';

const dir = tempDir();
let server: RunningServer;
let fx: Fixtures;
let user: TestUser;
let orgId: string;

beforeAll(async () => {
	server = await startServer({ dir });
	fx = new Fixtures(server.database);
	user = await fx.user();
	orgId = await fx.organisation([[user, 'owner']]);
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	await removeDir(dir);
});

async function snapshotCount(doc: string): Promise<number> {
	const [row] = await fx.db.select({ n: count() }).from(docSnapshot).where(eq(docSnapshot.doc, doc));
	return row?.n ?? 0;
}

describe('durable documents', () => {
	it('keeps state across a graceful restart, and the first sync after restart is never empty', async () => {
		const board = docName('board', await fx.workshop(orgId));
		const writer = createClient(server.url, board, { cookie: user.cookie });
		await writer.synced();
		for (let i = 0; i < 50; i++) addNote(writer.doc, `n${i}`, `note ${i}`);
		const observer = createClient(server.url, board, { cookie: user.cookie });
		await waitFor(() => listNotes(observer.doc).length === 50, 5000, 'observer has all notes');
		writer.destroy();
		observer.destroy();

		const listener = createClient(server.url, board, { cookie: user.cookie });
		await listener.synced();
		const closeCode = new Promise<number>((resolve) =>
			listener.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0))
		);
		expect(await server.stop()).toBe(0);
		expect(await closeCode).toBe(1012);
		listener.destroy();
		server = await startServer({ dir });
		const reader = createClient(server.url, board, { cookie: user.cookie });
		let firstSyncCount = -1;
		reader.provider.on('sync', (synced: boolean) => {
			if (synced && firstSyncCount < 0) firstSyncCount = listNotes(reader.doc).length;
		});
		await reader.synced();
		reader.destroy();
		expect(firstSyncCount).toBe(50);
	});

	it('folds the log into a snapshot when the last client leaves, and loads snapshot plus tail after a crash', async () => {
		const board = docName('board', await fx.workshop(orgId));
		const first = createClient(server.url, board, { cookie: user.cookie });
		await first.synced();
		for (let i = 0; i < 20; i++) addNote(first.doc, `a${i}`, `before snapshot ${i}`);
		const watcher = createClient(server.url, board, { cookie: user.cookie });
		await waitFor(() => listNotes(watcher.doc).length === 20, 5000, 'watcher has 20');
		first.destroy();
		watcher.destroy();
		await waitFor(async () => (await snapshotCount(board)) === 1, 5000, 'snapshot written on unload');

		const second = createClient(server.url, board, { cookie: user.cookie });
		const seer = createClient(server.url, board, { cookie: user.cookie });
		await Promise.all([second.synced(), seer.synced()]);
		for (let i = 0; i < 10; i++) addNote(second.doc, `b${i}`, `after snapshot ${i}`);
		await waitFor(() => listNotes(seer.doc).length === 30, 5000, 'seer has 30');
		await server.kill();
		second.destroy();
		seer.destroy();

		server = await startServer({ dir });
		const reader = createClient(server.url, board, { cookie: user.cookie });
		await reader.synced();
		expect(listNotes(reader.doc).map((n) => n.id).sort()).toEqual(
			[...Array.from({ length: 20 }, (_, i) => `a${i}`), ...Array.from({ length: 10 }, (_, i) => `b${i}`)].sort()
		);
		reader.destroy();
	});

	it('answers /healthz once the database is reachable', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});
});
