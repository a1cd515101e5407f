import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, syncUrl, waitFor } from '../helpers/yclient';
import { fuzz } from '../helpers/fuzz';
import { docName } from '../../src/lib/shared/protocol';
import { addNote, listNotes } from '../../src/lib/shared/doc-schema';

let server: RunningServer;
let fx: Fixtures;
let user: TestUser;
let fuzzed: string;
let calm: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	user = await fx.user();
	const org = await fx.organisation([[user, 'owner']]);
	fuzzed = docName('board', await fx.workshop(org));
	calm = docName('board', await fx.workshop(org));
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

function openSocket(doc: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${syncUrl(server.url)}/${doc}`, { headers: { cookie: user.cookie, origin: server.origin } });
		ws.on('open', () => resolve(ws));
		ws.on('error', reject);
	});
}

const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

describe('hostile frames', () => {
	it('10,000 random and mutated frames leave the server up and other clients unaffected', async () => {
		const a = createClient(server.url, calm, { cookie: user.cookie });
		const b = createClient(server.url, calm, { cookie: user.cookie });
		await Promise.all([a.synced(), b.synced()]);
		const result = await fuzz(`${syncUrl(server.url)}/${fuzzed}`, { cookie: user.cookie, origin: server.origin }, 10_000);
		expect(result.frames).toBe(10_000);
		expect(result.closeCodes[4400]).toBeGreaterThan(0);

		addNote(a.doc, 'after-fuzz', 'still working');
		await waitFor(() => listNotes(b.doc).some((n) => n.id === 'after-fuzz'), 5000, 'calm room still syncs');
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
		const health = await fetch(`${server.url}/healthz`);
		expect(await health.json()).toEqual({ status: 'ok' });
		// The fuzzed room still loads and syncs for a well-behaved client.
		const c = createClient(server.url, fuzzed, { cookie: user.cookie });
		await c.synced();
		c.destroy();
		a.destroy();
		b.destroy();
		// Logging stays bounded: at most one short line per closed connection.
		const lines = server.output().split('\n').filter(Boolean);
		expect(lines.length).toBeLessThanOrEqual(result.connections + 5);
		expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(600);
	}, 120_000);

	it('closes a connection that sends an oversized frame with 1009', async () => {
		const ws = await openSocket(fuzzed);
		const code = closeCode(ws);
		ws.send(new Uint8Array(1024 * 1024 + 10));
		expect(await code).toBe(1009);
	});

	it('closes a connection that floods messages with the rate-limit code', async () => {
		const ws = await openSocket(fuzzed);
		const code = closeCode(ws);
		const query = new Uint8Array([3]);
		for (let i = 0; i < 2000 && ws.readyState === ws.OPEN; i++) ws.send(query);
		expect(await code).toBe(4529);
	});

	it('closes a connection that sends a text frame or an unknown message type with 4400', async () => {
		const ws1 = await openSocket(fuzzed);
		const c1 = closeCode(ws1);
		ws1.send('hello');
		expect(await c1).toBe(4400);
		const ws2 = await openSocket(fuzzed);
		const c2 = closeCode(ws2);
		ws2.send(new Uint8Array([9, 0]));
		expect(await c2).toBe(4400);
	});
});
