import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { docName, mineDocName } from '../../src/lib/shared/protocol';
import { addNote, listContributions, updateNoteText } from '../../src/lib/shared/doc-schema';
import { readPresence } from '../../src/lib/shared/control-schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let workshopId: string;
let brainstorm: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	workshopId = await fx.workshop(
		await fx.organisation([
			[facilitator, 'facilitator'],
			[member, 'member']
		])
	);
	brainstorm = await fx.activity(workshopId, 'Barriers', 'brainstorm', 0, 'role_group');
	const res = await postAction(server.url, `/workshops/${workshopId}/console`, { command: 'goto', activityId: brainstorm }, { cookie: facilitator.cookie });
	expect(res.type).toBe('success');
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const note = (user: TestUser, fields: Record<string, string>) =>
	postAction(server.url, `/workshops/${workshopId}/console/notes`, fields, { cookie: user.cookie });

describe('facilitators moderate notes, through the server', () => {
	it('adds a note on behalf of someone, edits, groups and merges, and the board follows', async () => {
		const board = createClient(server.url, docName('board', workshopId), { cookie: member.cookie });
		await board.synced();
		expect((await note(facilitator, { op: 'add', text: 'No lift in the office', roleGroup: 'expert' })).status).toBe(400);
		expect((await note(facilitator, { op: 'add', text: 'No lift in the office', roleGroup: 'Expert' })).type).toBe('success');
		expect((await note(facilitator, { op: 'add', text: 'Lift broken', roleGroup: 'Expert' })).type).toBe('success');
		await waitFor(() => listContributions(board.doc, brainstorm).length === 2, 5000, 'two notes');
		const [first, second] = listContributions(board.doc, brainstorm);
		expect(first).toMatchObject({ text: 'No lift in the office', roleGroup: 'Expert' });
		expect(first!.author).toBeUndefined();

		expect((await note(facilitator, { op: 'edit', id: first!.id, text: 'No lift at the housing office' })).type).toBe('success');
		expect((await note(facilitator, { op: 'group', id: first!.id, label: 'Physical access' })).type).toBe('success');
		await waitFor(() => listContributions(board.doc, brainstorm)[0]?.group === 'Physical access', 5000, 'grouped');
		expect(listContributions(board.doc, brainstorm)[0]!.text).toBe('No lift at the housing office');

		expect((await note(facilitator, { op: 'merge', id: second!.id, into: second!.id })).status).toBe(400);
		expect((await note(facilitator, { op: 'merge', id: second!.id, into: first!.id })).type).toBe('success');
		await waitFor(() => listContributions(board.doc, brainstorm).length === 1, 5000, 'merged');
		expect(listContributions(board.doc, brainstorm)[0]).toMatchObject({ id: first!.id, merged: 1 });
		board.destroy();
	});

	it('keeps a facilitator’s correction when the author edits the note again', async () => {
		const p = await fx.participant(workshopId, 'Pat', 'Expert');
		const mine = createClient(server.url, mineDocName(workshopId, p.id), { cookie: p.cookie });
		const board = createClient(server.url, docName('board', workshopId), { cookie: member.cookie });
		await Promise.all([mine.synced(), board.synced()]);
		addNote(mine.doc, 'p1', 'teh forms');
		await waitFor(() => listContributions(board.doc, brainstorm).some((c) => c.text === 'teh forms'), 5000, 'note arrives');
		const id = listContributions(board.doc, brainstorm).find((c) => c.text === 'teh forms')!.id;
		expect((await note(facilitator, { op: 'edit', id, text: 'The forms' })).type).toBe('success');
		updateNoteText(mine.doc, 'p1', 'teh forms!!');
		await new Promise((r) => setTimeout(r, 300));
		expect(listContributions(board.doc, brainstorm).find((c) => c.id === id)!.text).toBe('The forms');
		mine.destroy();
		board.destroy();
	});

	it('refuses moderation from members and from participants', async () => {
		expect((await note(member, { op: 'add', text: 'x', roleGroup: 'Expert' })).status).toBe(404);
		const p = await fx.participant(workshopId, null, 'Expert');
		const res = await postAction(server.url, `/workshops/${workshopId}/console/notes`, { op: 'add', text: 'x', roleGroup: 'Expert' }, { cookie: p.cookie });
		expect([303, 401, 404]).toContain(res.status);
	});

	it('counts who is here by role group, without names', async () => {
		const a = await fx.participant(workshopId, 'Alma Visible', 'Resident / rights holder');
		const b = await fx.participant(workshopId, null, 'Resident / rights holder');
		const c = await fx.participant(workshopId, null, 'Expert');
		const clients = [a, b, c].map((p) => createClient(server.url, docName('control', workshopId), { cookie: p.cookie }));
		const watcher = createClient(server.url, docName('control', workshopId), { cookie: facilitator.cookie });
		await Promise.all([...clients, watcher].map((x) => x.synced()));
		await waitFor(() => readPresence(watcher.doc).here === 3, 5000, 'three here');
		expect(readPresence(watcher.doc).byRoleGroup).toEqual({ 'Resident / rights holder': 2, Expert: 1 });
		expect(JSON.stringify(watcher.doc.toJSON())).not.toContain('Alma');
		clients.forEach((x) => x.destroy());
		await waitFor(() => readPresence(watcher.doc).here === 0, 5000, 'everyone left');
		watcher.destroy();
	});
});
