/**
 * Server authority over participants' notes, proved with real clients doing what a modified
 * client could: writing where they should not, reading what is hidden, looking for names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, syncUrl, upgradeStatus, waitFor } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { docName, mineDocName } from '../../src/lib/shared/protocol';
import { addNote, isPending, listContributions, listNotes, updateNoteText } from '../../src/lib/shared/doc-schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let workshopId: string;
let anonymousActivity: string;
let namedActivity: string;
let ana: { id: string; cookie: string };
let bo: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]));
	anonymousActivity = await fx.activity(workshopId, 'Barriers', 'brainstorm', 0, 'anonymous');
	namedActivity = await fx.activity(workshopId, 'Ideas', 'brainstorm', 1, 'named');
	ana = await fx.participant(workshopId, 'Ana Secretname', 'civil servant: policy');
	bo = await fx.participant(workshopId, 'Bo Hiddenname', 'resident / rights holder');
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const command = (fields: Record<string, string>) =>
	postAction(server.url, `/workshops/${workshopId}/console`, fields, { cookie: facilitator.cookie }).then((r) => {
		expect(r.type, JSON.stringify(r)).toBe('success');
	});

const boardText = (doc: Y.Doc) => JSON.stringify(doc.toJSON()) + new TextDecoder().decode(Y.encodeStateAsUpdate(doc));

describe('participants and their notes', () => {
	it('a note written in one’s own document reaches the board without any name in an anonymous activity', async () => {
		await command({ command: 'goto', activityId: anonymousActivity });
		const mine = createClient(server.url, mineDocName(workshopId, ana.id), { cookie: ana.cookie });
		const board = createClient(server.url, docName('board', workshopId), { cookie: bo.cookie });
		await Promise.all([mine.synced(), board.synced()]);
		addNote(mine.doc, 'n1', 'Forms are hard to read');
		await waitFor(() => listContributions(board.doc, anonymousActivity).length === 1, 5000, 'note on board');
		const [note] = listContributions(board.doc, anonymousActivity);
		expect(note).toMatchObject({ text: 'Forms are hard to read', hidden: false });
		expect(note!.author).toBeUndefined();
		expect(note!.roleGroup).toBeUndefined();
		expect(boardText(board.doc)).not.toContain('Secretname');
		// The device learns that the server took the note in ("sent").
		await waitFor(() => !isPending(mine.doc, listNotes(mine.doc)[0]!), 5000, 'acknowledged');
		mine.destroy();
		board.destroy();
	});

	it('cannot open another participant’s notes, nor write the board or the control document', async () => {
		const url = syncUrl(server.url);
		expect(await upgradeStatus(`${url}/${mineDocName(workshopId, ana.id)}`, { cookie: bo.cookie, origin: server.origin })).toBe(403);
		for (const name of [docName('board', workshopId), docName('control', workshopId)]) {
			const rogue = createClient(server.url, name, { cookie: bo.cookie });
			await rogue.synced();
			const closed = new Promise<number>((r) => rogue.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
			rogue.doc.getMap('contributions').set('forged', { activityId: anonymousActivity, createdAt: 1, hidden: false, text: 'forged' });
			expect(await closed).toBe(4403);
			rogue.destroy();
		}
		const check = createClient(server.url, docName('board', workshopId), { cookie: facilitator.cookie });
		await check.synced();
		expect(boardText(check.doc)).not.toContain('forged');
		check.destroy();
	});

	it('cannot add or change notes while contributions are locked; what was written comes in after unlocking', async () => {
		await command({ command: 'lock', on: 'true' });
		const mine = createClient(server.url, mineDocName(workshopId, bo.id), { cookie: bo.cookie });
		const board = createClient(server.url, docName('board', workshopId), { cookie: facilitator.cookie });
		await Promise.all([mine.synced(), board.synced()]);
		addNote(mine.doc, 'locked-1', 'Written during the lock');
		updateNoteText(mine.doc, 'locked-1', 'Written during the lock');
		await new Promise((r) => setTimeout(r, 400));
		expect(boardText(board.doc)).not.toContain('Written during the lock');
		expect(isPending(mine.doc, listNotes(mine.doc)[0]!)).toBe(true);
		await command({ command: 'lock', on: 'false' });
		await waitFor(() => boardText(board.doc).includes('Written during the lock'), 5000, 'note after unlock');
		mine.destroy();
		board.destroy();
	});

	it('hidden writing: others see that a note exists but not its text until the facilitator reveals', async () => {
		await command({ command: 'goto', activityId: namedActivity });
		await command({ command: 'hidden-writing', on: 'true' });
		const mine = createClient(server.url, mineDocName(workshopId, ana.id), { cookie: ana.cookie });
		const board = createClient(server.url, docName('board', workshopId), { cookie: bo.cookie });
		await Promise.all([mine.synced(), board.synced()]);
		addNote(mine.doc, 'h1', 'A secret idea');
		await waitFor(() => listContributions(board.doc, namedActivity).length === 1, 5000, 'hidden note counted');
		expect(listContributions(board.doc, namedActivity)[0]).toMatchObject({ hidden: true });
		expect(boardText(board.doc)).not.toContain('A secret idea');
		await command({ command: 'reveal', on: 'true' });
		await waitFor(() => listContributions(board.doc, namedActivity)[0]?.text === 'A secret idea', 5000, 'revealed');
		// A named activity shows the name the participant chose, and their role group.
		expect(listContributions(board.doc, namedActivity)[0]).toMatchObject({ author: 'Ana Secretname', roleGroup: 'civil servant: policy' });
		mine.destroy();
		board.destroy();
	});

	it('a removed participant is disconnected and cannot come back', async () => {
		const carl = await fx.participant(workshopId, null);
		const conn = createClient(server.url, docName('control', workshopId), { cookie: carl.cookie });
		await conn.synced();
		const closed = new Promise<number>((r) => conn.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
		const res = await postAction(server.url, `/workshops/${workshopId}/people?/remove`, { participantId: carl.id, confirm: 'yes' }, { cookie: facilitator.cookie });
		expect(res.status).toBeLessThan(400);
		expect(await closed).toBe(4401);
		conn.destroy();
		expect(await upgradeStatus(`${syncUrl(server.url)}/${docName('control', workshopId)}`, { cookie: carl.cookie, origin: server.origin })).toBe(401);
	});
});
