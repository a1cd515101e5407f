/**
 * The workshop report from the real server: the printable page and the DOCX say the same things
 * (case text, a finding, a role-group tally, thanked organisations), never a participant's name,
 * and only the workshop's organisation may read them. The case text is read through the live hub
 * while someone has the document open, so a just-made edit is in the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unzipSync, strFromU8 } from 'fflate';
import { plain } from '../helpers/markup-text';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { REPORT, seedReportWorkshop, type ReportSeed } from '../helpers/report-fixtures';
import { participant, workshop } from '../../src/lib/server/db/schema';
import { ensureJoinCredentials } from '../../src/lib/server/join-credentials';
import { caseSchema } from '../../src/lib/collab/case-schema';
import { sectionFragment } from '../../src/lib/shared/case-doc';
import { caseDocName } from '../../src/lib/shared/protocol';

const LIVE_TEXT = 'The housing office promised an answer within a month.';
const JOINED_ORG = 'Accessible City Network';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let workshopId: string;
let seed: ReportSeed;
let clients: { destroy(): void }[] = [];


async function get(path: string, cookie: string): Promise<Response> {
	return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, member, outsider] = [await fx.user('Fay'), await fx.user('Mo'), await fx.user('Otto')];
	const orgId = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']], 'City of Gdańsk');
	await fx.organisation([[outsider, 'owner']], 'Other City');
	workshopId = await fx.workshop(orgId, 'Housing rights: Gdańsk 2026');
	seed = await seedReportWorkshop(fx.db, orgId, workshopId);
	await fx.db.update(workshop).set({ roleGroups: JSON.stringify(['Policy officers', 'NGO staff', 'Residents']) }).where(eq(workshop.id, workshopId));

	// Someone joins through the real form and agrees to be thanked; someone else does not tick the box.
	const { joinToken } = await ensureJoinCredentials(fx.db, workshopId);
	const base = { roleGroup: 'Residents', language: 'en', anonymous: 'yes' };
	expect((await postAction(server.url, `/j/${joinToken}`, { ...base, organisation: JOINED_ORG, acknowledgeOrganisation: 'yes' })).status).toBe(303);
	expect((await postAction(server.url, `/j/${joinToken}`, { ...base, organisation: 'Not Ticked Group' })).status).toBe(303);

	// A facilitator edits the case live; a second client holds the room open until the report is read.
	const name = caseDocName(workshopId, seed.caseIds.named);
	const writer = createClient(server.url, name, { cookie: facilitator.cookie });
	const watcher = createClient(server.url, name, { cookie: member.cookie });
	clients = [writer, watcher];
	await Promise.all([writer.synced(), watcher.synced()]);
	const content = [{ type: 'paragraph', content: [{ type: 'text', text: LIVE_TEXT }] }];
	prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content }, sectionFragment(writer.doc, 'city_action'));
	await waitFor(() => sectionFragment(watcher.doc, 'city_action').toString().includes('housing office'), 5000, 'the live edit at the watcher');
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

function expectReportText(text: string) {
	expect(text).toContain(REPORT.caseText);
	expect(text).toContain(LIVE_TEXT);
	expect(text).toContain(REPORT.disputedReason);
	expect(text).toContain(REPORT.statement);
	expect(text).toContain(REPORT.actionTitle);
	expect(text).toContain(REPORT.objection);
	// Participation by role group, and the civil servants' tally (3 agree of 3).
	expect(text).toMatch(/Policy officers\s*3/);
	expect(text).toMatch(/Civil servants\s*3\s*3\s*0\s*0\s*100%/);
	for (const org of [...REPORT.organisations, JOINED_ORG]) expect(text).toContain(org);
	expect(text).not.toContain('Not Ticked Group');
	expect(text).not.toContain('Quiet Association');
	for (const name of [...REPORT.names, 'Removed Person']) expect(text).not.toContain(name);
}

describe('workshop report', () => {
	it('stores the join form’s consent only when the box was ticked', async () => {
		const rows = await fx.db.select({ org: participant.organisation, thank: participant.acknowledgeOrganisation }).from(participant).where(eq(participant.workshopId, workshopId));
		expect(rows.find((r) => r.org === JOINED_ORG)?.thank).toBe(true);
		expect(rows.find((r) => r.org === 'Not Ticked Group')?.thank).toBe(false);
	});

	it('the printable page holds the report, without names', async () => {
		const res = await get(`/workshops/${workshopId}/report`, member.cookie);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/<caption[^>]*>/);
		expect(html).toContain(`href="/workshops/${workshopId}/report.docx"`);
		expectReportText(plain(html));
	});

	it('the DOCX opens as a Word document and says the same', async () => {
		const res = await get(`/workshops/${workshopId}/report.docx`, facilitator.cookie);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="Housing-rights-Gdansk-2026-report.docx"');
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		expect(Object.keys(files)).toContain('[Content_Types].xml');
		const xml = strFromU8(files['word/document.xml']!);
		expect(xml).toContain('<w:tbl>');
		expect(xml).toMatch(/w:val="Heading1"/);
		expectReportText(plain(xml.replace(/<\/w:p>|<\/w:tc>/g, ' $&')));
	});

	it('outsiders get 404 for both, the same as for a workshop that does not exist', async () => {
		for (const path of [`/workshops/${workshopId}/report`, `/workshops/${workshopId}/report.docx`, '/workshops/nope/report.docx']) {
			expect((await get(path, outsider.cookie)).status).toBe(404);
		}
	});
});
