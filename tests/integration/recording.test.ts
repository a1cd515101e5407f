/**
 * Recording a workshop's validated action points against the real server. A facilitator drafts three
 * points in the actions document over a real y-websocket client; an endorse vote validates them with
 * ballots cast over HTTP by four participants; then: a double submit records one entry and one
 * audit event (which says it came from the workshop), a not-endorsed point cannot be recorded,
 * "record all" records only complete drafts and lists the rest, members, participants and another
 * organisation's facilitator get nothing, the report (page and DOCX) shows the outcome and the kept
 * objection, and the public page shows the point and its progress a week later, with no
 * participant's name anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { docxText, plain } from '../helpers/markup-text';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { castOver, voteCommand } from '../helpers/vote-http';
import { voteActivity } from '../helpers/vote-fixtures';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { actionRegisterEntry, auditEvent, cyclePublicPage, workshop } from '../../src/lib/server/db/schema';
import { addActionPoint } from '../../src/lib/shared/action-point-doc';
import { docName } from '../../src/lib/shared/protocol';
import { workshopActionPoints } from '../../src/lib/server/action-points/read';
import { addActionPoints } from '../../src/lib/server/votes/setup';
import { readItems } from '../../src/lib/server/votes/read';
import { updateProgress } from '../../src/lib/server/register/progress';

const RAMP = 'Step-free entrance to the housing office';
const EASY_READ = 'Publish the allocation rules in easy-read form';
const HOTLINE = 'A free hotline for tenants';
const SIGNS = 'Tactile signs in the housing office';
const OBJECTION = 'Easy-read alone will not help people who cannot read';
const CHANGE = 'Test the texts with residents first';
const OWNER = 'Zofia Wiśniewska';
/** Participants' names: never on the recording page of this role-group vote, the report or the public page. */
const NAMES = ['Zofia Secretname', 'Piotr Hiddenname', 'Anna Privatename', 'Ewa Quietname'];
const WEEK = 7 * 24 * 60 * 60 * 1000;

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: string;
let cycleId: string;
let workshopId: string;
let participantCookie: string;
const ids = { ramp: '', easyRead: '', hotline: '', signs: '' };
let client: ReturnType<typeof createClient>;

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const entries = () => fx.db.select().from(actionRegisterEntry).where(eq(actionRegisterEntry.organisationId, orgId));
const audits = () => fx.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'action_register.record'), eq(auditEvent.organisationId, orgId)));
const recordPath = (pointId: string) => `/workshops/${workshopId}/actions/${pointId}?/record`;


/** The fields of the record form as the browser posts them. */
function rampForm(): Record<string, string> {
	return {
		title: RAMP,
		description: 'Ramp and automatic door',
		type: 'accessibility',
		horizon: 'quick_win',
		department: 'Housing',
		ownerName: OWNER,
		target: '',
		indicator_name_0: 'Offices with step-free access',
		indicator_baseline_0: '2',
		indicator_target_0: '7',
		deadline: '',
		resources: '',
		competence: 'city',
		affectedGroups: '',
		cycleId
	};
}

async function waitForStoredDrafts(count: number): Promise<void> {
	for (;;) {
		if ((await workshopActionPoints(fx.db, workshopId)).length === count) return;
		await new Promise((r) => setTimeout(r, 20));
	}
}

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, member, outsider] = [await fx.user('Fay Facilitator'), await fx.user('Mo Member'), await fx.user('Otto Outsider')];
	orgId = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']]);
	await fx.organisation([[outsider, 'facilitator']], 'Other City');
	cycleId = await cycle(fx.db, orgId, (await rightscitiesFramework(fx.db, orgId)).id, [], 'Self-assessment 2026');
	workshopId = await fx.workshop(orgId, 'Accessible housing');
	await fx.db.update(workshop).set({ roleGroups: JSON.stringify(['Residents', 'Policy officers']) }).where(eq(workshop.id, workshopId));

	// The facilitator drafts three points live.
	client = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
	await client.synced();
	client.doc.transact(() => {
		ids.ramp = addActionPoint(client.doc, { title: RAMP, description: 'Ramp and automatic door', type: 'accessibility', horizon: 'quick_win', department: 'Housing', ownerName: OWNER, indicators: [{ name: 'Offices with step-free access', baseline: '2', target: '7' }] });
		ids.easyRead = addActionPoint(client.doc, { title: EASY_READ, department: 'Housing' });
		ids.hotline = addActionPoint(client.doc, { title: HOTLINE, type: 'practical', horizon: 'strategic' });
		ids.signs = addActionPoint(client.doc, { title: SIGNS, type: 'practical', horizon: 'quick_win' });
	});
	await waitForStoredDrafts(4);

	// An endorse vote on them, answered by four people over HTTP, then closed.
	const { activityId } = await voteActivity(fx.db, workshopId, 'Validate the action points', { kind: 'endorse' as never, position: 1, cycleId, anonymity: 'role_group' });
	await addActionPoints(fx.db, facilitator.id, workshopId, activityId, [ids.ramp, ids.easyRead, ids.hotline, ids.signs], 'Untitled');
	const item = new Map((await readItems(fx.db, activityId)).map((i) => [i.actionPointId, i.id]));
	expect((await voteCommand(server, facilitator.cookie, workshopId, activityId, 'open')).type).toBe('success');
	const people: { id: string; cookie: string }[] = [];
	for (const [i, name] of NAMES.entries()) people.push(await fx.participant(workshopId, name, i < 2 ? 'Residents' : 'Policy officers'));
	participantCookie = people[0]!.cookie;
	type Stance = 'endorse' | 'endorse_changes' | 'object';
	const answers: [string, Stance, string][][] = [
		// Endorsed: three endorse, one asks for a change.
		[[ids.ramp, 'endorse', ''], [ids.ramp, 'endorse', ''], [ids.ramp, 'endorse', ''], [ids.ramp, 'endorse_changes', 'Add an automatic door too']],
		// Endorsed with changes, one objection kept.
		[[ids.easyRead, 'endorse', ''], [ids.easyRead, 'endorse_changes', CHANGE], [ids.easyRead, 'endorse_changes', 'Also in Ukrainian'], [ids.easyRead, 'object', OBJECTION]],
		// Not endorsed: half object.
		[[ids.hotline, 'object', 'Too costly this year'], [ids.hotline, 'object', 'Phone lines exist already'], [ids.hotline, 'endorse', ''], [ids.hotline, 'endorse', '']],
		// Endorsed, and its draft is complete: "record all" takes it.
		[[ids.signs, 'endorse', ''], [ids.signs, 'endorse', ''], [ids.signs, 'endorse', ''], [ids.signs, 'endorse', '']]
	];
	for (const point of answers) {
		for (const [i, [pointId, stance, reason]] of point.entries()) {
			const res = await castOver(server, people[i]!.cookie, workshopId, activityId, { itemKey: item.get(pointId), value: { stance, attribution: 'named' }, reason });
			expect(res.status).toBe(200);
		}
	}
	expect((await voteCommand(server, facilitator.cookie, workshopId, activityId, 'close')).type).toBe('success');
});

afterAll(async () => {
	client?.destroy();
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('the recording page', () => {
	it('lists each draft with its outcome, tallies, comments and register state, without names', async () => {
		const res = await get(`/workshops/${workshopId}/actions`, facilitator.cookie);
		expect(res.status).toBe(200);
		const text = plain(await res.text());
		for (const title of [RAMP, EASY_READ, HOTLINE, SIGNS]) expect(text).toContain(title);
		expect(text).toContain('Validation: Endorsed ');
		expect(text).toContain('Validation: Endorsed with changes');
		expect(text).toContain('Validation: Not endorsed');
		expect(text).toContain(`${OBJECTION} (Policy officers)`);
		expect(text).toContain(`${CHANGE} (Residents)`);
		expect(text).toContain('It cannot be recorded: the room did not endorse it.');
		expect(text).toContain('Not recorded');
		expect(text).toContain('Answers by group for');
		for (const name of NAMES) expect(text).not.toContain(name);
	});

	it('explains an empty workshop', async () => {
		const empty = await fx.workshop(orgId, 'Nothing drafted');
		const text = plain(await (await get(`/workshops/${empty}/actions`, facilitator.cookie)).text());
		expect(text).toContain('No action points have been drafted in this workshop yet.');
	});

	it('offers the draft prefilled, with the validating vote’s cycle', async () => {
		const html = await (await get(`/workshops/${workshopId}/actions/${ids.ramp}`, facilitator.cookie)).text();
		expect(html).toContain(`value="${RAMP}"`);
		expect(html).toMatch(new RegExp(`<option value="${cycleId}" selected`));
	});

	it('a double submit records one entry and one audit event that names the workshop', async () => {
		const [a, b] = await Promise.all([1, 2].map(() => postAction(server.url, recordPath(ids.ramp), rampForm(), { cookie: facilitator.cookie })));
		expect([a!.type, b!.type].sort()).toEqual(['redirect', 'success']);
		expect(await entries()).toHaveLength(1);
		const entry = (await entries())[0]!;
		expect(entry.sourceKey).toBe(`${workshopId}:${ids.ramp}`);
		expect(entry.workshopId).toBe(workshopId);
		expect(entry.cycleId).toBe(cycleId);
		expect(JSON.parse(entry.validation).outcome).toBe('endorsed');
		const [audit, ...more] = await audits();
		expect(more).toHaveLength(0);
		expect(audit!.actorUserId).toBe(facilitator.id);
		expect(JSON.parse(audit!.detail!)).toMatchObject({ from: 'workshop', workshopId, actionPointId: ids.ramp });

		const again = await postAction(server.url, recordPath(ids.ramp), rampForm(), { cookie: facilitator.cookie });
		expect(again.type).toBe('success');
		expect(JSON.stringify(again.data)).toContain('is already in the register');
		expect(JSON.stringify(again.data)).toContain(entry.id);
		expect(await entries()).toHaveLength(1);
		expect(await audits()).toHaveLength(1);

		const page = plain(await (await get(`/workshops/${workshopId}/actions`, facilitator.cookie)).text());
		expect(page).toMatch(/Recorded on .+ by Fay Facilitator\./);
		expect(page).toContain(`Open “${RAMP}” in the register`);
	});

	it('a point the room did not endorse cannot be recorded', async () => {
		const res = await postAction(server.url, recordPath(ids.hotline), { ...rampForm(), title: HOTLINE }, { cookie: facilitator.cookie });
		expect(res.status).toBe(409);
		expect(JSON.stringify(res.data)).toContain('the room did not endorse it');
		expect(await entries()).toHaveLength(1);
	});

	it('members, participants and another organisation’s facilitator cannot record, and nothing is stored', async () => {
		for (const cookie of [member.cookie, outsider.cookie]) {
			expect((await get(`/workshops/${workshopId}/actions`, cookie)).status).toBe(404);
			expect((await get(`/workshops/${workshopId}/actions/${ids.easyRead}`, cookie)).status).toBe(404);
			expect((await postAction(server.url, recordPath(ids.easyRead), { ...rampForm(), title: EASY_READ }, { cookie })).status).toBe(404);
			expect((await postAction(server.url, `/workshops/${workshopId}/actions?/recordAll`, {}, { cookie })).status).toBe(404);
		}
		const asParticipant = await get(`/workshops/${workshopId}/actions`, participantCookie);
		expect(asParticipant.status).not.toBe(200);
		expect((await postAction(server.url, recordPath(ids.easyRead), { ...rampForm(), title: EASY_READ }, { cookie: participantCookie })).status).not.toBe(200);
		expect(await entries()).toHaveLength(1);
		expect(await audits()).toHaveLength(1);
	});

	it('record all records complete drafts only and lists what needs completing', async () => {
		const res = await postAction(server.url, `/workshops/${workshopId}/actions?/recordAll`, {}, { cookie: facilitator.cookie });
		expect(res.type).toBe('success');
		expect(JSON.stringify(res.data)).toContain('Recorded 1 point.');
		expect(JSON.stringify(res.data)).toContain(EASY_READ);
		expect((await entries()).map((e) => e.title).sort()).toEqual([RAMP, SIGNS].sort());
		const signs = (await entries()).find((e) => e.title === SIGNS)!;
		expect(signs.cycleId).toBe(cycleId);
		expect(JSON.parse(signs.validation).outcome).toBe('endorsed');

		const again = await postAction(server.url, `/workshops/${workshopId}/actions?/recordAll`, {}, { cookie: facilitator.cookie });
		expect(JSON.stringify(again.data)).toContain('Nothing new was recorded.');
		expect(await entries()).toHaveLength(2);
		expect(await audits()).toHaveLength(2);
	});

	it('an incomplete draft is refused with a message per field, then recorded once completed', async () => {
		const form = { ...rampForm(), title: EASY_READ, description: '', type: '', horizon: '', ownerName: '', indicator_name_0: '', indicator_baseline_0: '', indicator_target_0: '' };
		const bad = await postAction(server.url, recordPath(ids.easyRead), form, { cookie: facilitator.cookie });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.data)).toContain('Please correct the fields marked below.');
		expect(await entries()).toHaveLength(2);
		const ok = await postAction(server.url, recordPath(ids.easyRead), { ...form, type: 'accessibility', horizon: 'quick_win' }, { cookie: facilitator.cookie });
		expect(ok.type).toBe('redirect');
		const entry = (await entries()).find((e) => e.title === EASY_READ)!;
		const validation = JSON.parse(entry.validation);
		expect(validation.outcome).toBe('endorsed_with_changes');
		expect(validation.objections).toEqual([{ text: OBJECTION, attribution: 'Policy officers' }]);
		expect(JSON.stringify(validation)).not.toMatch(new RegExp(NAMES.join('|')));
	});
});

describe('after recording', () => {
	it('the report page and the DOCX show the outcome and the kept objection, without names', async () => {
		const page = plain(await (await get(`/workshops/${workshopId}/report`, member.cookie)).text());
		const docx = docxText(new Uint8Array(await (await get(`/workshops/${workshopId}/report.docx`, facilitator.cookie)).arrayBuffer()));
		for (const text of [page, docx]) {
			expect(text).toContain(EASY_READ);
			expect(text).toContain('Endorsed with changes');
			expect(text).toContain(OBJECTION);
			for (const name of NAMES) expect(text).not.toContain(name);
		}
	});

	it('the public page shows the recorded point and its progress a week later, with no names', async () => {
		expect((await postAction(server.url, `/orgs/${orgId}/cycles/${cycleId}/public`, { change: 'enable' }, { cookie: facilitator.cookie })).type).toBe('success');
		const token = (await fx.db.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).limit(1))[0]!.token;
		const before = await (await get(`/p/${token}`)).text();
		expect(plain(before)).toContain(RAMP);

		const ramp = (await entries()).find((e) => e.title === RAMP)!;
		const weekOn = Date.now() + WEEK;
		await updateProgress(fx.db, facilitator.id, orgId, ramp.id, { status: 'in_progress', reason: '', progress: '40', note: 'The ramp is ordered.' }, weekOn);
		const html = await (await get(`/p/${token}`)).text();
		const text = plain(html);
		expect(text).toContain(RAMP);
		expect(text).toContain('40');
		expect(html).toContain(`datetime="${new Date(weekOn).toISOString().slice(0, 10)}"`);
		for (const name of [...NAMES, OWNER, 'Fay Facilitator']) expect(html).not.toContain(name);
	});
});
