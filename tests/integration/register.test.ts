/**
 * The action register against the real server: a double submit of "record" gives one entry and one
 * audit event; members read but cannot change; another organisation and participants get nothing;
 * the CSV export; the public page (404 until enabled, no owner names, 404 for an old link after
 * rotating).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { actionRegisterEntry, auditEvent, cyclePublicPage } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: string;
let cycleId: string;
let participantCookie: string;

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const entries = () => fx.db.select().from(actionRegisterEntry).where(eq(actionRegisterEntry.organisationId, orgId)).orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.id));
const form = (sourceKey: string) => ({
	sourceKey,
	title: 'Step-free entrance to the housing office',
	description: 'Ramp and automatic door',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName: 'Zofia Wiśniewska',
	target: '',
	indicator_name_0: 'Offices with step-free access',
	indicator_baseline_0: '2',
	indicator_target_0: '7',
	deadline: '2025-06-30',
	resources: '',
	competence: 'city',
	affectedGroups: '',
	cycleId
});

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, member, outsider] = [await fx.user('Fay Facilitator'), await fx.user('Mo Member'), await fx.user('Otto Outsider')];
	orgId = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']]);
	await fx.organisation([[outsider, 'owner']], 'Other City');
	cycleId = await cycle(fx.db, orgId, (await rightscitiesFramework(fx.db, orgId)).id);
	participantCookie = (await fx.participant(await fx.workshop(orgId), 'Pat Participant')).cookie;
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('recording', () => {
	it('a double submit of the add form records one entry and one audit event', async () => {
		const page = await (await get(`/orgs/${orgId}/register/new`, facilitator.cookie)).text();
		const sourceKey = /name="sourceKey" value="([^"]+)"/.exec(page)?.[1];
		expect(sourceKey).toMatch(/^manual:/);
		const [a, b] = await Promise.all([1, 2].map(() => postAction(server.url, `/orgs/${orgId}/register/new`, form(sourceKey!), { cookie: facilitator.cookie })));
		expect([a!.type, b!.type]).toEqual(['redirect', 'redirect']);
		expect(await entries()).toHaveLength(1);
		const audits = await fx.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'action_register.record'), eq(auditEvent.organisationId, orgId)));
		expect(audits).toHaveLength(1);
		expect(audits[0]!.actorUserId).toBe(facilitator.id);
	});

	it('bad input changes nothing and names the field', async () => {
		const res = await postAction(server.url, `/orgs/${orgId}/register/new`, { ...form('manual:bad'), title: '', deadline: '31.12.2025' }, { cookie: facilitator.cookie });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.data)).toContain('Give the action a title.');
		expect(await entries()).toHaveLength(1);
	});

	it('a progress update is kept in the history; stuck without a reason is refused', async () => {
		const id = (await entries())[0]!.id;
		const refused = await postAction(server.url, `/orgs/${orgId}/register/${id}?/progress`, { status: 'stuck', reason: '', progress: '10', note: '' }, { cookie: facilitator.cookie });
		expect(refused.status).toBe(400);
		const ok = await postAction(server.url, `/orgs/${orgId}/register/${id}?/progress`, { status: 'in_progress', reason: '', progress: '30', note: 'Ramp ordered' }, { cookie: facilitator.cookie });
		expect(ok.type).toBe('success');
		expect((await entries())[0]).toMatchObject({ status: 'in_progress', progress: 30 });
		const html = await (await get(`/orgs/${orgId}/register/${id}`, member.cookie)).text();
		expect(html).toContain('Ramp ordered');
		expect(html).toContain('Progress: 0 % → 30 %');
	});
});

describe('who may do what', () => {
	it('members read the register, the entry and the exports but cannot change anything', async () => {
		const id = (await entries())[0]!.id;
		for (const path of ['', `/${id}`, '/export.csv', '/export.json']) expect((await get(`/orgs/${orgId}/register${path}`, member.cookie)).status).toBe(200);
		expect((await get(`/orgs/${orgId}/register/new`, member.cookie)).status).toBe(403);
		expect((await postAction(server.url, `/orgs/${orgId}/register/new`, form('manual:member'), { cookie: member.cookie })).status).toBe(403);
		expect((await postAction(server.url, `/orgs/${orgId}/register/${id}?/progress`, { status: 'done', reason: '', progress: '100', note: '' }, { cookie: member.cookie })).status).toBe(403);
		expect((await postAction(server.url, `/orgs/${orgId}/register/${id}?/save`, { ...form(''), title: 'Hijacked' }, { cookie: member.cookie })).status).toBe(403);
		expect((await get(`/orgs/${orgId}/cycles/${cycleId}/public`, member.cookie)).status).toBe(404);
		expect((await postAction(server.url, `/orgs/${orgId}/cycles/${cycleId}/public`, { change: 'enable' }, { cookie: member.cookie })).status).toBe(404);
		expect(await entries()).toHaveLength(1);
		expect((await entries())[0]).toMatchObject({ status: 'in_progress', title: 'Step-free entrance to the housing office' });
	});

	it('another organisation gets 404 everywhere', async () => {
		const id = (await entries())[0]!.id;
		for (const path of ['', `/${id}`, '/new', '/export.csv', '/export.json']) expect((await get(`/orgs/${orgId}/register${path}`, outsider.cookie)).status).toBe(404);
		expect((await postAction(server.url, `/orgs/${orgId}/register/${id}?/progress`, { status: 'done', reason: '', progress: '100', note: '' }, { cookie: outsider.cookie })).status).toBe(404);
		expect((await get(`/orgs/${orgId}/cycles/${cycleId}/public`, outsider.cookie)).status).toBe(404);
	});

	it('a participant cookie gets nothing: every page sends to sign-in and no action runs', async () => {
		const id = (await entries())[0]!.id;
		for (const path of ['', `/${id}`, '/export.csv', '/export.json']) {
			const res = await get(`/orgs/${orgId}/register${path}`, participantCookie);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toMatch(/^\/signin/);
		}
		const res = await postAction(server.url, `/orgs/${orgId}/register/new`, form('manual:participant'), { cookie: participantCookie });
		expect(res.type === 'redirect' || res.status === 303).toBe(true);
		expect(await entries()).toHaveLength(1);
	});
});

describe('exports', () => {
	it('the CSV starts with a BOM and has the documented header', async () => {
		const res = await get(`/orgs/${orgId}/register/export.csv`, facilitator.cookie);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = Papa.parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true });
		expect(parsed.meta.fields?.slice(0, 3)).toEqual(['id', 'title', 'description']);
		expect(parsed.data[0]).toMatchObject({ owner_name: 'Zofia Wiśniewska', status: 'in_progress', progress: '30' });
	});
});

describe('the public page', () => {
	const token = async () => (await fx.db.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).limit(1))[0]?.token;
	const toggle = (change: string) => postAction(server.url, `/orgs/${orgId}/cycles/${cycleId}/public`, { change }, { cookie: facilitator.cookie });

	it('is 404 until enabled, shows no owner names, and an old link is 404 after rotating', async () => {
		expect(await token()).toBeUndefined();
		await toggle('disable');
		expect((await get(`/p/${await token()}`)).status).toBe(404);
		expect((await toggle('enable')).type).toBe('success');
		const first = (await token())!;
		const res = await get(`/p/${first}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Step-free entrance to the housing office');
		expect(html).toContain('<meta name="robots" content="noindex"');
		expect(html).not.toContain('Wiśniewska');
		expect(html).not.toContain('Fay Facilitator');
		await toggle('rotate');
		expect(await token()).not.toBe(first);
		expect((await get(`/p/${first}`)).status).toBe(404);
		expect((await get(`/p/${await token()}`)).status).toBe(200);
		await toggle('disable');
		expect((await get(`/p/${await token()}`)).status).toBe(404);
		expect((await get('/p/unknown-token')).status).toBe(404);
	});
});
