/**
 * Who may write the action points and when, proved with real y-websocket clients against the real
 * server: participants write only while the action-points activity is on and not locked (else the
 * change closes their connection with 4403), staff write, outsiders are refused at the upgrade,
 * awareness carries no names, and two people typing in one title converge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { createClient, syncUrl, upgradeStatus, waitFor } from '../helpers/yclient';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { goTo } from '../helpers/case-studies';
import { postAction } from '../helpers/actions';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';
import { pointText } from '../../src/lib/shared/action-point-edit';
import { diffText } from '../../src/lib/collab/text-diff';
import { caseStudy } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let workshopId: string;
let activities: { points: string; other: string };
let ana: { id: string; cookie: string };
let bo: { id: string; cookie: string };
let findingIds: string[];
let caseId: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Fay Facilitator');
	member = await fx.user('Mo Member');
	const org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	workshopId = await fx.workshop(org);
	activities = {
		points: await fx.activity(workshopId, 'Draft action points', 'action_points', 0, 'anonymous'),
		other: await fx.activity(workshopId, 'Ideas', 'brainstorm', 1, 'named')
	};
	ana = await fx.participant(workshopId, 'Ana Secretname', 'resident');
	bo = await fx.participant(workshopId, 'Bo Hiddenname', 'civil servant');
	findingIds = (await findingsCycle(fx.db, org, ['Waiting lists are long', 'Forms are hard to read'])).findingIds;
	await voteActivity(fx.db, workshopId, 'Do these hold?', { findingIds, position: 2 });
	caseId = newId();
	await fx.db.insert(caseStudy).values({ id: caseId, workshopId, title: 'Mrs K. wants to stay', createdAt: Date.now(), updatedAt: Date.now() });
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const actions = () => docName('actions', workshopId);
const lock = async (on: boolean) => {
	const result = await postAction(server.url, `/workshops/${workshopId}/console`, { command: 'lock', on: String(on) }, { cookie: facilitator.cookie });
	expect(result.type, JSON.stringify(result)).toBe('success');
};

function closeCode(client: ReturnType<typeof createClient>): Promise<number> {
	return new Promise((r) => client.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
}

/** Titles in the stored document, as a fresh staff client reads them. */
async function storedTitles(): Promise<string[]> {
	const check = createClient(server.url, actions(), { cookie: facilitator.cookie });
	await check.synced();
	const titles = readActionPoints(check.doc).map((p) => p.title);
	check.destroy();
	return titles;
}

describe('action points: who writes when', () => {
	it('refuses a participant’s change while another activity is on, and keeps the document as it was', async () => {
		await goTo(server, facilitator.cookie, workshopId, activities.other);
		const rogue = createClient(server.url, actions(), { cookie: ana.cookie });
		await rogue.synced();
		const closed = closeCode(rogue);
		addActionPoint(rogue.doc, { title: 'Written while brainstorming' });
		expect(await closed).toBe(4403);
		rogue.destroy();
		expect(await storedTitles()).not.toContain('Written while brainstorming');
	});

	it('lets participants write during the action-points activity; the console and other phones see it', async () => {
		await goTo(server, facilitator.cookie, workshopId, activities.points);
		const a = createClient(server.url, actions(), { cookie: ana.cookie });
		const b = createClient(server.url, actions(), { cookie: bo.cookie });
		const staff = createClient(server.url, actions(), { cookie: facilitator.cookie });
		await Promise.all([a.synced(), b.synced(), staff.synced()]);
		const id = addActionPoint(a.doc, { title: 'Ramps at the housing office', horizon: 'quick_win' });
		await waitFor(() => readActionPoints(b.doc).some((p) => p.id === id) && readActionPoints(staff.doc).some((p) => p.id === id), 5000, 'the point everywhere');
		expect(readActionPoints(staff.doc).find((p) => p.id === id)).toMatchObject({ title: 'Ramps at the housing office', horizon: 'quick_win' });
		for (const c of [a, b, staff]) c.destroy();
	});

	it('closes a connection opened during the activity once the facilitator locks, and opens again after unlocking', async () => {
		await goTo(server, facilitator.cookie, workshopId, activities.points);
		const client = createClient(server.url, actions(), { cookie: bo.cookie });
		await client.synced();
		await lock(true);
		const closed = closeCode(client);
		addActionPoint(client.doc, { title: 'Written during the lock' });
		expect(await closed).toBe(4403);
		client.destroy();
		expect(await storedTitles()).not.toContain('Written during the lock');
		await lock(false);
		const again = createClient(server.url, actions(), { cookie: bo.cookie });
		const staff = createClient(server.url, actions(), { cookie: facilitator.cookie });
		await Promise.all([again.synced(), staff.synced()]);
		const id = addActionPoint(again.doc, { title: 'Written after the lock' });
		await waitFor(() => readActionPoints(staff.doc).some((p) => p.id === id), 5000, 'the point at the console');
		for (const c of [again, staff]) c.destroy();
	});

	it('lets staff write whatever is on, keeps members read-only, and refuses outsiders at the upgrade', async () => {
		await goTo(server, facilitator.cookie, workshopId, activities.other);
		const staff = createClient(server.url, actions(), { cookie: facilitator.cookie });
		const reader = createClient(server.url, actions(), { cookie: member.cookie });
		await Promise.all([staff.synced(), reader.synced()]);
		const id = addActionPoint(staff.doc, { title: 'Prepared by staff' });
		await waitFor(() => readActionPoints(reader.doc).some((p) => p.id === id), 5000, 'the staff point at the member');
		const closed = closeCode(reader);
		addActionPoint(reader.doc, { title: 'Written by a member' });
		expect(await closed).toBe(4403);
		for (const c of [staff, reader]) c.destroy();

		const otherOrgUser = await fx.user('Otto Outsider');
		await fx.organisation([[otherOrgUser, 'facilitator']], 'Other City');
		const otherWorkshop = await fx.workshop(await fx.organisation([]));
		const outsider = await fx.participant(otherWorkshop, 'Olga Elsewhere');
		const headers = (cookie: string) => ({ cookie, origin: server.origin });
		const url = `${syncUrl(server.url)}/${actions()}`;
		// Another workshop's participant holds no participant cookie for this workshop.
		expect(await upgradeStatus(url, headers(outsider.cookie))).toBe(401);
		expect(await upgradeStatus(url, headers(otherOrgUser.cookie))).toBe(403);
		expect(await upgradeStatus(url, { origin: server.origin })).toBe(401);
	});
});

describe('action points: live co-editing', () => {
	it('two people typing into the same title at once converge on one text holding both edits', async () => {
		await goTo(server, facilitator.cookie, workshopId, activities.points);
		const a = createClient(server.url, actions(), { cookie: ana.cookie });
		const b = createClient(server.url, actions(), { cookie: facilitator.cookie });
		await Promise.all([a.synced(), b.synced()]);
		const id = addActionPoint(a.doc, { title: 'Ramps' });
		await waitFor(() => pointText(b.doc, id, 'title') !== null, 5000, 'the point at B');
		// Each side applies what its input field would report, without waiting for the other.
		const type = (doc: Y.Doc, after: string, caret: number) => {
			const text = pointText(doc, id, 'title')!;
			const change = diffText(text.toString(), after, caret)!;
			doc.transact(() => {
				if (change.remove) text.delete(change.index, change.remove);
				text.insert(change.index, change.insert);
			});
		};
		type(a.doc, 'Step-free Ramps', 10);
		type(b.doc, 'Ramps at the housing office', 27);
		const title = (doc: Y.Doc) => pointText(doc, id, 'title')!.toString();
		await waitFor(() => title(a.doc) === title(b.doc) && title(a.doc).length > 'Ramps at the housing office'.length, 5000, 'convergence');
		expect(title(a.doc)).toBe('Step-free Ramps at the housing office');
		for (const c of [a, b]) c.destroy();
	});

	it('awareness on the action points carries only whether someone is editing, never a name', async () => {
		const a = createClient(server.url, actions(), { cookie: ana.cookie });
		const b = createClient(server.url, actions(), { cookie: bo.cookie });
		await Promise.all([a.synced(), b.synced()]);
		a.provider.awareness.setLocalState({ editing: true, user: { name: 'Ana Secretname' }, name: 'Ana Secretname', role: 'resident' });
		const id = a.doc.clientID;
		await waitFor(() => b.provider.awareness.getStates().get(id)?.editing === true, 5000, 'Ana’s awareness at Bo');
		expect(b.provider.awareness.getStates().get(id)).toEqual({ editing: true });
		expect(JSON.stringify([...b.provider.awareness.getStates().values()])).not.toContain('Ana');
		for (const c of [a, b]) c.destroy();
	});

	it('offers a participant the workshop’s case studies and voted findings to link, and nobody else', async () => {
		const res = await fetch(`${server.url}/w/${workshopId}/action-points/links`, { headers: { cookie: ana.cookie } });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { findings: { id: string; label: string }[]; caseStudies: { id: string; label: string }[] };
		expect(body.findings.map((f) => f.id)).toEqual(findingIds);
		expect(body.findings[0]!.label).toBe('Waiting lists are long');
		expect(body.caseStudies).toEqual([{ id: caseId, label: 'Mrs K. wants to stay' }]);
		expect((await fetch(`${server.url}/w/${workshopId}/action-points/links`)).status).toBe(401);
	});
});
