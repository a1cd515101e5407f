import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, syncUrl, upgradeStatus, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addNote, listNotes, removeNote } from '../../src/lib/shared/doc-schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let board: string;
let otherBoard: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	outsider = await fx.user('Outsider');
	const org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	const otherOrg = await fx.organisation([[outsider, 'owner']], 'Other City');
	board = docName('board', await fx.workshop(org));
	otherBoard = docName('board', await fx.workshop(otherOrg));
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('sync upgrade authorisation', () => {
	it('accepts a signed-in member of the organisation with the right Origin', async () => {
		const status = await upgradeStatus(`${syncUrl(server.url)}/${board}`, { cookie: facilitator.cookie, origin: server.origin });
		expect(status).toBe(101);
	});

	it('refuses a request without a session cookie with 401', async () => {
		expect(await upgradeStatus(`${syncUrl(server.url)}/${board}`, { origin: server.origin })).toBe(401);
	});

	it('refuses a forged session token with 401', async () => {
		const cookie = `rb_session=${'a'.repeat(32)}`;
		expect(await upgradeStatus(`${syncUrl(server.url)}/${board}`, { cookie, origin: server.origin })).toBe(401);
	});

	it('refuses a foreign or missing Origin with 403', async () => {
		const url = `${syncUrl(server.url)}/${board}`;
		expect(await upgradeStatus(url, { cookie: facilitator.cookie, origin: 'https://evil.example' })).toBe(403);
		expect(await upgradeStatus(url, { cookie: facilitator.cookie })).toBe(403);
	});

	it("refuses another organisation's document with 403", async () => {
		expect(await upgradeStatus(`${syncUrl(server.url)}/${otherBoard}`, { cookie: facilitator.cookie, origin: server.origin })).toBe(403);
	});

	it('refuses invalid document names with 400', async () => {
		for (const name of ['board.x', 'nope.aaaaaaaaaaaaaaaaaaaaaaaa', '..%2Fetc', `board.${'A'.repeat(24)}`]) {
			expect(await upgradeStatus(`${syncUrl(server.url)}/${name}`, { cookie: facilitator.cookie, origin: server.origin })).toBe(400);
		}
	});
});

describe('sync between clients', () => {
	it('two stock clients converge on the same notes', async () => {
		const a = createClient(server.url, board, { cookie: facilitator.cookie });
		const b = createClient(server.url, board, { cookie: facilitator.cookie });
		try {
			await Promise.all([a.synced(), b.synced()]);
			addNote(a.doc, 'from-a', 'Ramps missing at the housing office');
			addNote(b.doc, 'from-b', 'Forms only online');
			await waitFor(() => listNotes(a.doc).length === 2 && listNotes(b.doc).length === 2, 5000, 'convergence');
			expect(listNotes(a.doc).map((n) => n.text)).toEqual(listNotes(b.doc).map((n) => n.text));
		} finally {
			a.destroy();
			b.destroy();
		}
	});

	it('a read-only connection syncs but its changes are refused with the read-only close code', async () => {
		const writer = createClient(server.url, board, { cookie: facilitator.cookie });
		const reader = createClient(server.url, board, { cookie: member.cookie });
		try {
			await Promise.all([writer.synced(), reader.synced()]);
			addNote(writer.doc, 'seen-by-reader', 'Visible to members');
			await waitFor(() => listNotes(reader.doc).some((n) => n.id === 'seen-by-reader'), 5000, 'reader sees writer');
			const closed = new Promise<number>((resolve) =>
				reader.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0))
			);
			addNote(reader.doc, 'forbidden', 'Should never arrive');
			expect(await closed).toBe(4403);
			await new Promise((r) => setTimeout(r, 200));
			expect(listNotes(writer.doc).some((n) => n.id === 'forbidden')).toBe(false);
		} finally {
			writer.destroy();
			reader.destroy();
		}
		// Nor was it stored: a fresh client does not see it.
		const fresh = createClient(server.url, board, { cookie: facilitator.cookie });
		try {
			await fresh.synced();
			expect(listNotes(fresh.doc).some((n) => n.id === 'forbidden')).toBe(false);
			expect(listNotes(fresh.doc).some((n) => n.id === 'seen-by-reader')).toBe(true);
		} finally {
			fresh.destroy();
		}
	});

	it('a writer who asks for read-only access (a projector) gets it and cannot write', async () => {
		const projector = createClient(server.url, board, { cookie: facilitator.cookie, params: { readonly: '1' } });
		try {
			await projector.synced();
			const closed = new Promise<number>((resolve) =>
				projector.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0))
			);
			addNote(projector.doc, 'from-projector', 'Should never arrive');
			expect(await closed).toBe(4403);
		} finally {
			projector.destroy();
		}
	});

	it('a read-only client whose copy has deletions reconnects without being closed', async () => {
		const writer = createClient(server.url, board, { cookie: facilitator.cookie });
		await writer.synced();
		addNote(writer.doc, 'to-delete', 'Temporary');
		removeNote(writer.doc, 'to-delete');
		const reader = createClient(server.url, board, { cookie: member.cookie });
		let closes = 0;
		try {
			await reader.synced();
			await waitFor(() => reader.doc.store.clients.size > 0, 5000, 'reader has content');
			// Reconnecting makes the reader send its whole delete set in sync step 2.
			reader.provider.disconnect();
			reader.provider.on('connection-close', () => closes++);
			reader.provider.connect();
			await reader.synced();
			await new Promise((r) => setTimeout(r, 300));
			expect(closes).toBe(0);
			expect(reader.provider.wsconnected).toBe(true);
		} finally {
			writer.destroy();
			reader.destroy();
		}
	});
});
