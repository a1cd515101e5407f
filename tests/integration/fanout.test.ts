/**
 * The room fan-out against the real server with stock clients: merged frames from many writers at
 * once leave every copy identical, and a reader that stops reading is still closed with 4530 when
 * what piles up for it is the room's broadcast (prepared frames written to its socket directly),
 * while readers that keep up, and a newcomer to a document larger than that limit, are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, syncUrl, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addNote, listNotes } from '../../src/lib/shared/doc-schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let orgId: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	orgId = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('room fan-out', () => {
	it('many writers at once: every writer and reader ends with the same document', async () => {
		const board = docName('board', await fx.workshop(orgId));
		const writers = Array.from({ length: 4 }, () => createClient(server.url, board, { cookie: facilitator.cookie }));
		const readers = Array.from({ length: 3 }, () => createClient(server.url, board, { cookie: member.cookie }));
		const all = [...writers, ...readers];
		try {
			await Promise.all(all.map((c) => c.synced()));
			for (let i = 0; i < 30; i++) {
				writers.forEach((w, k) => addNote(w.doc, `w${k}-${i}`, `note ${i} from writer ${k}`));
				if (i % 5 === 0) await turn();
			}
			await waitFor(() => all.every((c) => listNotes(c.doc).length === 120), 20_000, 'every copy has every note');
			const state = (c: (typeof all)[number]) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64');
			expect(new Set(all.map(state)).size).toBe(1);
			expect(all.every((c) => c.provider.wsconnected)).toBe(true);
		} finally {
			for (const c of all) c.destroy();
		}
	});

	it('closes a reader that stops reading the broadcast with 4530, and the others keep up', async () => {
		const board = docName('board', await fx.workshop(orgId));
		const writer = createClient(server.url, board, { cookie: facilitator.cookie });
		const reader = createClient(server.url, board, { cookie: member.cookie });
		await Promise.all([writer.synced(), reader.synced()]);
		const slow = new WebSocket(`${syncUrl(server.url)}/${board}`, { headers: { cookie: member.cookie, origin: server.origin } });
		const closed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
		slow.on('error', () => {});
		await new Promise((resolve) => slow.once('open', resolve));
		slow.pause(); // reads nothing more: the kernel's buffers fill, then the server's
		const slowClosesBefore = (server.output().match(/code=4530/g) ?? []).length;
		try {
			// 32 values of 600 KB (notes are capped in length, so a plain map): far more than the
			// kernel's socket buffers plus the 8 MiB limit.
			const big = 'x'.repeat(600 * 1024);
			for (let i = 0; i < 32; i++) {
				writer.doc.getMap('load').set(`big-${i}`, `${i} ${big}`);
				await turn();
			}
			await waitFor(() => (server.output().match(/code=4530/g) ?? []).length > slowClosesBefore, 30_000, 'the slow-reader close');
			slow.resume();
			expect([4530, 1006]).toContain(await closed);
			await waitFor(() => reader.doc.getMap('load').size === 32, 30_000, 'the reading client has every value');
			expect(reader.provider.wsconnected && writer.provider.wsconnected).toBe(true);
			expect(server.output()).toMatch(new RegExp(`sync connection closed doc=${board} code=4530 reason=send buffer full`));
			// Only the reader that stopped was closed: the one that kept up never was.
			expect((server.output().match(/code=4530/g) ?? []).length).toBe(slowClosesBefore + 1);
			// The document (about 19 MB) is now larger than the 8 MiB limit: a newcomer still gets it whole.
			const late = createClient(server.url, board, { cookie: member.cookie });
			try {
				await waitFor(() => late.doc.getMap('load').size === 32, 30_000, 'the late joiner has every value');
				expect(late.provider.wsconnected).toBe(true);
			} finally {
				late.destroy();
			}
		} finally {
			slow.terminate();
			writer.destroy();
			reader.destroy();
		}
	}, 90_000);
});
