/**
 * Findings against the real server: importing the documented 40-finding CSV through the import
 * page, a file with bad rows importing nothing and listing each problem, who may do what, edits
 * writing history, accepting a participant proposal, and the CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { cycle, proposal, rightscitiesFramework, type TestFramework } from '../helpers/assessment-fixtures';
import { finding, findingEvent } from '../../src/lib/server/db/schema';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/examples/findings.csv'), 'utf8');

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let orgId: string;
let fw: TestFramework;

/** Posts a CSV file to the import page as a browser without JavaScript does; returns status and HTML. */
async function uploadCsv(path: string, csv: string, cookie: string): Promise<{ status: number; html: string }> {
	const body = new FormData();
	body.set('file', new Blob([csv], { type: 'text/csv' }), 'findings.csv');
	const res = await fetch(`${server.url}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie, origin: server.origin, accept: 'text/html' } });
	return { status: res.status, html: await res.text() };
}

/** The rows of the problems table on the import page, as [row, column, message]. */
function problemRows(html: string): string[][] {
	const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
	return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
		[...tr[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) => td[1]!.replace(/<!--[\s\S]*?-->|<[^>]+>/g, '').trim())
	);
}

const findingsOf = (cycleId: string) => fx.db.select().from(finding).where(eq(finding.cycleId, cycleId)).orderBy(asc(finding.createdAt), asc(finding.seq));
/** The history of a finding, oldest first. */
const eventsOf = (findingId: string) => fx.db.select().from(findingEvent).where(eq(findingEvent.findingId, findingId)).orderBy(asc(findingEvent.id));
const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie } });

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, member, outsider] = [await fx.user('Fay Facilitator'), await fx.user('Mo Member'), await fx.user('Otto Outsider')];
	orgId = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']]);
	await fx.organisation([[outsider, 'owner']], 'Other City');
	fw = await rightscitiesFramework(fx.db, orgId);
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('findings CSV import through the import page', () => {
	it('imports the 40 findings of the documented example, each with an "imported" history event', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		const { status, html } = await uploadCsv(`/orgs/${orgId}/cycles/${cycleId}/import`, EXAMPLE, facilitator.cookie);
		expect(status).toBe(200);
		expect(html).toContain('40 findings imported.');
		const rows = await findingsOf(cycleId);
		expect(rows).toHaveLength(40);
		const events = (await fx.db.select().from(findingEvent)).filter((e) => rows.some((r) => r.id === e.findingId));
		expect(events).toHaveLength(40);
		expect(events.every((e) => e.action === 'imported' && e.actorUserId === facilitator.id)).toBe(true);
	});

	it('imports nothing from a file with 3 bad rows and lists the 3 problems by row and column', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		const lines = EXAMPLE.trimEnd().split('\r\n');
		lines[5] = lines[5]!.replace(/^P1\.F\.3/, 'P1.F.9');
		lines[10] = lines[10]!.replace(',partly_in_place,', ',excellent,');
		lines[20] = lines[20]!.replace(/,,,,,,$/, ',document,Job advert,,,,example.org/no-scheme');
		const { status, html } = await uploadCsv(`/orgs/${orgId}/cycles/${cycleId}/import`, lines.join('\r\n'), facilitator.cookie);
		expect(status).toBe(400);
		expect(html).toContain('Nothing was imported');
		expect(problemRows(html)).toEqual([
			['6', 'item_code', "No item of this cycle's framework has this code."],
			['11', 'rating', 'Not a rating of this cycle. Use one of: in_place, partly_in_place, not_in_place, dont_know.'],
			['21', 'evidence_url', 'Not a full link starting with https:// or http://.']
		]);
		expect(await findingsOf(cycleId)).toEqual([]);
	});

	it('refuses a file over 2 MB with a message rather than a server error', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		const big = `item_code,statement\n${'P1.F.1,"A long statement"\n'.repeat(100_000)}`;
		expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
		const { status, html } = await uploadCsv(`/orgs/${orgId}/cycles/${cycleId}/import`, big, facilitator.cookie);
		expect(status).toBe(400);
		expect(problemRows(html)).toEqual([['Whole file', '', 'The file is larger than 2 MB.']]);
		expect(await findingsOf(cycleId)).toEqual([]);
	});

	it('refuses members (403) and answers outsiders as if the cycle did not exist (404)', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		const path = `/orgs/${orgId}/cycles/${cycleId}/import`;
		expect((await uploadCsv(path, EXAMPLE, member.cookie)).status).toBe(403);
		// Pages that only change things answer members as the framework and prepare pages do: 404.
		for (const page of ['import', 'findings/new', 'proposals']) expect((await get(`/orgs/${orgId}/cycles/${cycleId}/${page}`, member.cookie)).status).toBe(404);
		expect((await uploadCsv(path, EXAMPLE, outsider.cookie)).status).toBe(404);
		expect(await findingsOf(cycleId)).toEqual([]);
		expect((await get(`/orgs/${orgId}/cycles/${cycleId}`, member.cookie)).status).toBe(200);
		const outside = await get(`/orgs/${orgId}/cycles/${cycleId}`, outsider.cookie);
		expect(outside.status).toBe(404);
		expect(await outside.text()).toContain('<h1>Page not found</h1>');
		expect((await get(`/orgs/${orgId}/cycles/${cycleId}/export.csv`, outsider.cookie)).status).toBe(404);
	});
});

describe('editing a finding', () => {
	it('writes who changed what into the history, and refuses members', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		await uploadCsv(`/orgs/${orgId}/cycles/${cycleId}/import`, 'item_code,statement,rating\nP2.H.2,Few accessible homes,not_in_place\n', facilitator.cookie);
		const [row] = await findingsOf(cycleId);
		const path = `/orgs/${orgId}/cycles/${cycleId}/findings/${row!.id}?/save`;
		const fields = { statement: 'Only 4% of social homes are accessible', rating: 'not_in_place', onPaper: 'partly', inPractice: 'no', effect: 'negative', confidence: 'high' };
		expect((await postAction(server.url, path, fields, { cookie: member.cookie })).status).toBe(403);
		const saved = await postAction(server.url, path, fields, { cookie: facilitator.cookie });
		expect(saved).toMatchObject({ status: 200, type: 'success' });
		const events = await eventsOf(row!.id);
		expect(events.map((e) => e.action)).toEqual(['imported', 'edited']);
		expect(JSON.parse(events[1]!.detail)).toEqual({
			changes: {
				statement: ['Few accessible homes', 'Only 4% of social homes are accessible'],
				onPaper: [null, 'partly'],
				inPractice: [null, 'no'],
				effect: [null, 'negative'],
				confidence: [null, 'high']
			}
		});
		expect(events[1]!.actorUserId).toBe(facilitator.id);
		const bad = await postAction(server.url, path, { ...fields, statement: ' ' }, { cookie: facilitator.cookie });
		expect(bad).toMatchObject({ status: 400, type: 'failure' });
		expect(await eventsOf(row!.id)).toHaveLength(2);
		const page = await (await get(`/orgs/${orgId}/cycles/${cycleId}/findings/${row!.id}`, facilitator.cookie)).text();
		expect(page).toContain('By Fay Facilitator');
	});
});

describe('participant proposals', () => {
	it('accepting a proposed new finding creates it with origin "participant"; the page shows the role group, never the name', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		const workshopId = await fx.workshop(orgId, 'Housing workshop');
		const author = await fx.participant(workshopId, 'Ana Secretname', 'Residents');
		const id = await proposal(fx.db, { workshopId, cycleId, participantId: author.id, roleGroup: 'Residents', nodeId: fw.nodes.get('P2.H.3')!, statement: 'Personal assistance stops at 8 pm' });
		const page = await (await get(`/orgs/${orgId}/cycles/${cycleId}/proposals`, facilitator.cookie)).text();
		expect(page).toContain('Proposed by: Residents');
		expect(page).not.toContain('Ana Secretname');
		const path = `/orgs/${orgId}/cycles/${cycleId}/proposals?/accept`;
		expect((await postAction(server.url, path, { proposalId: id }, { cookie: member.cookie })).status).toBe(403);
		expect(await postAction(server.url, path, { proposalId: id }, { cookie: facilitator.cookie })).toMatchObject({ status: 200, type: 'success' });
		const [created] = await findingsOf(cycleId);
		expect(created).toMatchObject({ statement: 'Personal assistance stops at 8 pm', origin: 'participant', status: 'draft', nodeId: fw.nodes.get('P2.H.3') });
		const [event] = await eventsOf(created!.id);
		expect(event).toMatchObject({ action: 'proposal_accepted', workshopId, actorUserId: facilitator.id });
	});
});

describe('CSV export', () => {
	it('gives members the findings in the import format', async () => {
		const cycleId = await cycle(fx.db, orgId, fw.id);
		await uploadCsv(`/orgs/${orgId}/cycles/${cycleId}/import`, EXAMPLE, facilitator.cookie);
		const res = await get(`/orgs/${orgId}/cycles/${cycleId}/export.csv`, member.cookie);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await res.text();
		// The same records as the example (fields the example leaves quoted or bare are written alike).
		expect(text.replace(/^\uFEFF/, '').trimEnd()).toBe(EXAMPLE.trimEnd());
	});
});
