/**
 * The plain-language prompt through the real server: written in the prepare form (add and edit),
 * checked there, and published in the control document that participants' phones read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { docName } from '../../src/lib/shared/protocol';
import { readAgenda } from '../../src/lib/shared/control-schema';
import { ACTIVITY_PLAIN_PROMPT_MAX } from '../../src/lib/shared/agenda';
import { readPublishedVote } from '../../src/lib/shared/vote-control';
import { eq } from 'drizzle-orm';
import { finding, frameworkNode } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { voteActivity } from '../helpers/vote-fixtures';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let org: string;
let workshopId: string;
let participant: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	workshopId = await fx.workshop(org);
	participant = await fx.participant(workshopId, null);
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const activityFields = (plainPrompt: string) => ({
	type: 'brainstorm',
	title: 'Barriers',
	prompt: 'Which barriers to accessible public services have you observed?',
	plainPrompt,
	plannedMinutes: '15',
	anonymity: 'role_group'
});

async function phoneAgenda() {
	const client = createClient(server.url, docName('control', workshopId), { cookie: participant.cookie });
	await client.synced();
	return client;
}

describe('the plain-language prompt', () => {
	let activityId: string;

	it('is saved by the prepare form and published to the phones', async () => {
		const phone = await phoneAgenda();
		const res = await postAction(server.url, `/workshops/${workshopId}/prepare?/add`, activityFields('  What stops people from using city services?\r\n'), {
			cookie: facilitator.cookie
		});
		expect(res.type).toBe('success');
		await waitFor(() => readAgenda(phone.doc).length === 1, 5000, 'agenda published');
		const [item] = readAgenda(phone.doc);
		expect(item?.prompt).toBe('Which barriers to accessible public services have you observed?');
		expect(item?.plainPrompt).toBe('What stops people from using city services?');
		activityId = item!.id;
		phone.destroy();
	});

	it('is changed on the edit page, and the phones see the change', async () => {
		const phone = await phoneAgenda();
		const res = await postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}`, activityFields('What makes it hard to use city services?'), {
			cookie: facilitator.cookie
		});
		expect(res.type).toBe('redirect');
		await waitFor(() => readAgenda(phone.doc)[0]?.plainPrompt === 'What makes it hard to use city services?', 5000, 'edit published');
		phone.destroy();
	});

	it('refuses one too long with a clear message, and changes nothing', async () => {
		const res = await postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}`, activityFields('x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX + 1)), {
			cookie: facilitator.cookie
		});
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.data)).toContain(String(ACTIVITY_PLAIN_PROMPT_MAX));
		expect(JSON.stringify(res.data)).toContain('plain-language version');
		const phone = await phoneAgenda();
		expect(readAgenda(phone.doc)[0]?.plainPrompt).toBe('What makes it hard to use city services?');
		phone.destroy();
	});

	it('cannot be changed by a member or a participant', async () => {
		for (const cookie of [member.cookie, participant.cookie]) {
			const res = await postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}`, activityFields('Changed by someone else'), { cookie });
			expect([303, 401, 404]).toContain(res.status);
		}
		const phone = await phoneAgenda();
		expect(readAgenda(phone.doc)[0]?.plainPrompt).toBe('What makes it hard to use city services?');
		phone.destroy();
	});

	it('an empty one removes the plain version', async () => {
		const phone = await phoneAgenda();
		const res = await postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}`, activityFields(''), { cookie: facilitator.cookie });
		expect(res.type).toBe('redirect');
		await waitFor(() => readAgenda(phone.doc)[0]?.plainPrompt === '', 5000, 'removal published');
		phone.destroy();
	});
});

describe('the plain explanation of the framework item behind a finding', () => {
	it('is published beside the finding in a vote, except for internal-only items and items without one', async () => {
		const fw = await rightscitiesFramework(fx.db, org);
		const node = (code: string) => fw.nodes.get(code)!;
		const set = (code: string, values: { explanation?: string; internalOnly?: boolean }) =>
			fx.db.update(frameworkNode).set(values).where(eq(frameworkNode.id, node(code)));
		await set('P1.F.1', { explanation: 'The city tells people about their rights in words they understand.' });
		await set('P1.F.2', { explanation: 'Only for staff.', internalOnly: true });
		await set('P1.S', { internalOnly: true });
		await set('P1.S.1', { explanation: 'In a section only staff see.' });
		const cycleId = await cycle(fx.db, org, fw.id);
		const findingIds: string[] = [];
		for (const [i, code] of ['P1.F.1', 'P1.F.2', 'P1.S.1', 'P1.F.3'].entries()) {
			const id = newId();
			await fx.db.insert(finding).values({ id, cycleId, nodeId: node(code), statement: `Finding on ${code}`, status: 'under_review', seq: i + 1, createdAt: Date.now(), updatedAt: Date.now() });
			findingIds.push(id);
		}
		const voteWorkshop = await fx.workshop(org);
		const { activityId } = await voteActivity(fx.db, voteWorkshop, 'Validate', { cycleId, findingIds, status: 'open' });
		const voter = await fx.participant(voteWorkshop, null);

		const phone = createClient(server.url, docName('control', voteWorkshop), { cookie: voter.cookie });
		await phone.synced();
		// Any command publishes the workshop's votes; this one brings everyone to the vote.
		const moved = await postAction(server.url, `/workshops/${voteWorkshop}/console`, { command: 'goto', activityId }, { cookie: facilitator.cookie });
		expect(moved.type).toBe('success');
		await waitFor(() => readPublishedVote(phone.doc, activityId) !== null, 5000, 'vote published');
		const items = readPublishedVote(phone.doc, activityId)!.items;
		expect(items.map((i) => [i.text, i.plain ?? null])).toEqual([
			['Finding on P1.F.1', 'The city tells people about their rights in words they understand.'],
			['Finding on P1.F.2', null],
			['Finding on P1.S.1', null],
			['Finding on P1.F.3', null]
		]);
		expect(JSON.stringify(phone.doc.toJSON())).not.toContain('Only for staff.');
		expect(JSON.stringify(phone.doc.toJSON())).not.toContain('In a section only staff see.');
		phone.destroy();
	});
});
