/**
 * The sync server in this process (real http server on port 0, real database: a file, or the
 * folder's own PostgreSQL database; real clients), so the room registry can be inspected directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { tempDir, removeDir } from '../helpers/server';
import { databaseFor } from '../helpers/test-database';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addNote, listNotes } from '../../src/lib/shared/doc-schema';
import type { SyncServer } from '../../server/sync';

const dir = tempDir();
let http: Server;
let sync: SyncServer;
let url: string;
let fx: Fixtures;
let user: TestUser;
let orgId: string;

beforeAll(async () => {
	process.env.DATABASE_URL = await databaseFor(dir);
	process.env.LOG_LEVEL = 'error';
	const mod = await import('../../server/sync');
	sync = await mod.startSyncServer();
	http = createServer((_req, res) => res.end());
	http.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	const address = http.address();
	url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	fx = new Fixtures(process.env.DATABASE_URL);
	user = await fx.user();
	orgId = await fx.organisation([[user, 'owner']]);
});

afterAll(async () => {
	await sync?.shutdown();
	http?.close();
	await fx?.close();
	const { closeDb } = await import('../../src/lib/server/db');
	await closeDb();
	await removeDir(dir);
});

describe('room lifecycle', () => {
	it('unloads every room after its last client leaves, so closed rooms hold no memory', async () => {
		for (let round = 0; round < 3; round++) {
			const clients = [];
			for (let i = 0; i < 40; i++) clients.push(createClient(url, docName('board', await fx.workshop(orgId)), { cookie: user.cookie }));
			await Promise.all(clients.map((c) => c.synced()));
			clients.forEach((c, i) => addNote(c.doc, `n${i}`, 'x'));
			expect(sync.rooms.size).toBe(40);
			clients.forEach((c) => c.destroy());
			await waitFor(() => sync.connectionCount === 0 && sync.rooms.size === 0, 5000, 'rooms unloaded');
			await sync.rooms.settled();
		}
	});

	it('a client arriving while its room unloads gets the reloaded document with everything in it', async () => {
		const board = docName('board', await fx.workshop(orgId));
		for (let i = 0; i < 10; i++) {
			const a = createClient(url, board, { cookie: user.cookie });
			await a.synced();
			addNote(a.doc, `r${i}`, `round ${i}`);
			await sync.rooms.get(board)!.flushed();
			a.destroy();
			// Reconnect immediately, racing the unload of the room.
			const b = createClient(url, board, { cookie: user.cookie });
			await b.synced();
			expect(listNotes(b.doc).length).toBe(i + 1);
			b.destroy();
		}
		await waitFor(() => sync.rooms.size === 0, 5000, 'room unloaded');
	});
});
