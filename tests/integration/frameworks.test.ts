/**
 * Frameworks and cycles through the real server: a facilitator copies the built-in framework,
 * adapts it, exports it, and another organisation imports the file and gets the same tree. A bad
 * file imports nothing and lists its problems; members may look but not change; outsiders get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { findItemByCode, listFrameworks, listNodes } from '../../src/lib/server/frameworks/read';
import { exportFramework } from '../../src/lib/server/frameworks/export';
import { listCycles } from '../../src/lib/server/cycles';
import type { FrameworkJson } from '../../src/lib/shared/framework-json';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let otherFacilitator: TestUser;
let orgA: string;
let orgB: string;

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, member, otherFacilitator] = await Promise.all([fx.user('Facilitator'), fx.user('Member'), fx.user('Elsewhere')]);
	orgA = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']], 'City A');
	orgB = await fx.organisation([[otherFacilitator, 'facilitator']], 'City B');
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const get = (path: string, user?: TestUser) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: user ? { cookie: user.cookie } : {} });

/** Posts a file to the import action the way the browser's multipart form does. */
async function postImport(orgId: string, user: TestUser, text: string) {
	const body = new FormData();
	body.set('file', new File([text], 'framework.json', { type: 'application/json' }));
	const res = await fetch(`${server.url}/orgs/${orgId}/assessment?/import`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', origin: server.origin, cookie: user.cookie },
		body
	});
	const json = (await res.json()) as { type: string; status?: number; location?: string; data?: string };
	return { ...json, status: json.status ?? res.status };
}

describe('frameworks through the server', () => {
	let frameworkId: string;
	let exported: FrameworkJson;

	it('lets a facilitator copy the built-in framework from the assessment page', async () => {
		const page = await get(`/orgs/${orgA}/assessment`, facilitator);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('No framework yet: start from the RIGHTSCITIES pilot framework or import one.');
		const res = await postAction(server.url, `/orgs/${orgA}/assessment?/copy`, {}, { cookie: facilitator.cookie });
		expect(res).toMatchObject({ type: 'redirect', status: 303 });
		const frameworks = await listFrameworks(fx.db, orgA);
		expect(frameworks).toHaveLength(1);
		frameworkId = frameworks[0]!.id;
		const tree = await get(`/orgs/${orgA}/frameworks/${frameworkId}`, facilitator);
		expect(await tree.text()).toContain('P2.H.1');
	});

	it('rewords an item (keeping the original), hides one and adds one', async () => {
		const item = (await findItemByCode(fx.db, frameworkId, 'P1.T.2'))!;
		const reworded = await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}/nodes/${item.id}`, { localText: 'Human rights in the city budget', explanation: 'Money follows rights.' }, { cookie: facilitator.cookie });
		expect(reworded).toMatchObject({ type: 'redirect', status: 303 });
		expect(await findItemByCode(fx.db, frameworkId, 'P1.T.2')).toMatchObject({ originalText: item.originalText, localText: 'Human rights in the city budget', explanation: 'Money follows rights.' });

		const hidden = (await findItemByCode(fx.db, frameworkId, 'P2.W.4'))!;
		expect(await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}?/hide`, { nodeId: hidden.id }, { cookie: facilitator.cookie })).toMatchObject({ type: 'success', status: 200 });
		expect((await findItemByCode(fx.db, frameworkId, 'P2.W.4'))?.hidden).toBe(true);

		const added = await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}?/addItem`, { parentId: item.parentId!, text: 'Human rights training for staff', explanation: '', code: '' }, { cookie: facilitator.cookie });
		expect(added).toMatchObject({ type: 'success', status: 200 });
		expect((await findItemByCode(fx.db, frameworkId, 'P1.T.4'))?.originalText).toBe('Human rights training for staff');

		const refused = await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}?/addItem`, { parentId: item.parentId!, text: '', code: 'P1.T.4' }, { cookie: facilitator.cookie });
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect((await listNodes(fx.db, frameworkId)).filter((n) => n.code.startsWith('P1.T.'))).toHaveLength(4);
	});

	it('exports the framework as a JSON download', async () => {
		const res = await get(`/orgs/${orgA}/frameworks/${frameworkId}/export`, facilitator);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="rightscities-pilot-framework.framework.json"');
		exported = (await res.json()) as FrameworkJson;
		expect(exported).toEqual(await exportFramework(fx.db, (await listFrameworks(fx.db, orgA))[0]!));
		expect(exported.nodes.find((n) => n.code === 'P1.T.2')).toMatchObject({ local: 'Human rights in the city budget' });
		expect(exported.nodes.find((n) => n.code === 'P2.W.4')?.hidden).toBe(true);
	});

	it('imports the file into another organisation with the same tree', async () => {
		const res = await postImport(orgB, otherFacilitator, JSON.stringify(exported));
		expect(res).toMatchObject({ type: 'redirect', status: 303 });
		const [copy] = await listFrameworks(fx.db, orgB);
		expect(await exportFramework(fx.db, copy!)).toEqual(exported);
	});

	it('imports nothing from a bad file and lists its problems by node and field', async () => {
		const bad = { ...exported, nodes: [...exported.nodes, { code: 'P1.T.4', kind: 'item', parent: 'P9', original: '' }] };
		const res = await postImport(orgB, otherFacilitator, JSON.stringify(bad));
		expect(res).toMatchObject({ type: 'failure', status: 400 });
		const number = bad.nodes.length;
		expect(res.data).toContain('Nothing was imported: the file has 3 problems.');
		expect(res.data).toContain(`Node ${number} (P1.T.4), field “code”: This code is used twice.`);
		expect(res.data).toContain(`Node ${number} (P1.T.4), field “parent”: The parent must be listed earlier in the file.`);
		expect((await postImport(orgB, otherFacilitator, 'not json')).data).toContain('This is not a JSON file.');
		expect(await listFrameworks(fx.db, orgB)).toHaveLength(1);
	});

	it('renames the city\'s copy, refusing an empty name', async () => {
		const path = `/orgs/${orgA}/frameworks/${frameworkId}?/details`;
		const refused = await postAction(server.url, path, { name: ' ', description: 'Ours' }, { cookie: facilitator.cookie });
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect(refused.data).toContain('A name is required.');
		expect(await postAction(server.url, path, { name: 'City A framework', description: 'Adapted in 2025.' }, { cookie: facilitator.cookie })).toMatchObject({ type: 'success' });
		expect((await listFrameworks(fx.db, orgA))[0]).toMatchObject({ name: 'City A framework', description: 'Adapted in 2025.' });
		expect(await postAction(server.url, path, { name: 'Mine now', description: '' }, { cookie: member.cookie })).toMatchObject({ status: 403 });
	});

	it('lets members look but not change anything', async () => {
		expect((await get(`/orgs/${orgA}/assessment`, member)).status).toBe(200);
		expect((await get(`/orgs/${orgA}/frameworks/${frameworkId}`, member)).status).toBe(200);
		expect((await get(`/orgs/${orgA}/frameworks/${frameworkId}/export`, member)).status).toBe(200);
		const item = (await findItemByCode(fx.db, frameworkId, 'P1.F.1'))!;
		expect((await get(`/orgs/${orgA}/frameworks/${frameworkId}/nodes/${item.id}`, member)).status).toBe(404);
		expect((await get(`/orgs/${orgA}/cycles/new`, member)).status).toBe(404);
		expect(await postAction(server.url, `/orgs/${orgA}/assessment?/copy`, {}, { cookie: member.cookie })).toMatchObject({ status: 403 });
		expect(await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}?/hide`, { nodeId: item.id }, { cookie: member.cookie })).toMatchObject({ status: 403 });
		expect((await postImport(orgA, member, JSON.stringify(exported))).status).toBe(403);
		expect((await findItemByCode(fx.db, frameworkId, 'P1.F.1'))?.hidden).toBe(false);
		expect(await listFrameworks(fx.db, orgA)).toHaveLength(1);
	});

	it('answers 404 to outsiders', async () => {
		const item = (await findItemByCode(fx.db, frameworkId, 'P1.F.1'))!;
		for (const path of ['/assessment', `/frameworks/${frameworkId}`, `/frameworks/${frameworkId}/export`, `/frameworks/${frameworkId}/nodes/${item.id}`, '/cycles/new']) {
			expect((await get(`/orgs/${orgA}${path}`, otherFacilitator)).status, path).toBe(404);
		}
		expect(await postAction(server.url, `/orgs/${orgA}/frameworks/${frameworkId}?/hide`, { nodeId: item.id }, { cookie: otherFacilitator.cookie })).toMatchObject({ status: 404 });
		// Its own framework named under another organisation is not found either.
		const own = (await listFrameworks(fx.db, orgB))[0]!.id;
		expect((await get(`/orgs/${orgA}/frameworks/${own}`, facilitator)).status).toBe(404);
		expect((await get(`/orgs/${orgA}/assessment`)).status).toBe(303);
	});
});

describe('cycles through the server', () => {
	it('are created with a period and a custom scale, and refused with an end before the start', async () => {
		const frameworkId = (await listFrameworks(fx.db, orgA))[0]!.id;
		const fields = { name: 'Self-assessment 2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', purpose: 'See where we stand.', frameworkId, scale: 'custom', scaleLabels: 'Yes\nPartly\nNo' };
		const refused = await postAction(server.url, `/orgs/${orgA}/cycles/new`, { ...fields, periodEnd: '2024-12-31' }, { cookie: facilitator.cookie });
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect(refused.data).toContain('The end must be on or after the start.');
		expect(await listCycles(fx.db, orgA)).toEqual([]);

		expect(await postAction(server.url, `/orgs/${orgA}/cycles/new`, fields, { cookie: facilitator.cookie })).toMatchObject({ type: 'redirect', status: 303 });
		const [cycle] = await listCycles(fx.db, orgA);
		expect(cycle).toMatchObject({ name: 'Self-assessment 2025', periodEnd: '2025-12-31', ratingScale: [{ key: 'yes', label: 'Yes' }, { key: 'partly', label: 'Partly' }, { key: 'no', label: 'No' }] });

		const saved = await postAction(server.url, `/orgs/${orgA}/cycles/${cycle!.id}/settings`, { ...fields, name: 'Self-assessment 2025–26', scale: 'default' }, { cookie: facilitator.cookie });
		expect(saved).toMatchObject({ type: 'success', status: 200 });
		expect((await listCycles(fx.db, orgA))[0]).toMatchObject({ name: 'Self-assessment 2025–26', customScale: false });
		expect((await get(`/orgs/${orgA}/cycles/${cycle!.id}/settings`, member)).status).toBe(404);
		expect(await postAction(server.url, `/orgs/${orgA}/cycles/${cycle!.id}/settings`, fields, { cookie: member.cookie })).toMatchObject({ status: 403 });
		expect(await (await get(`/orgs/${orgA}/assessment`, member)).text()).toContain('Self-assessment 2025–26');
	});
});
