/**
 * Case studies co-edited live through the real sync server with real y-websocket clients: two
 * people typing into one section at once converge, a disputed mark survives edits around and
 * inside it, and the server records (and publishes) which role groups contributed where.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { and, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { createClient, waitFor } from '../helpers/yclient';
import { caseWorkshop, goTo, type CaseWorkshop } from '../helpers/case-studies';
import { caseDocName, docName } from '../../src/lib/shared/protocol';
import { sectionFragment } from '../../src/lib/shared/case-doc';
import { readCaseContributors, readCaseTitle, STAFF_GROUP } from '../../src/lib/shared/case-control';
import { caseSchema, disputedPassages } from '../../src/lib/collab/case-schema';
import { caseContributor } from '../../src/lib/server/db/schema';

let server: RunningServer;
let w: CaseWorkshop;
let ana: { id: string; cookie: string };
let bo: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer();
	w = await caseWorkshop(server);
	ana = await w.fx.participant(w.workshopId, 'Ana Secretname', 'civil servant');
	bo = await w.fx.participant(w.workshopId, null, 'resident');
});

afterAll(async () => {
	await w?.fx.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const pmDoc = (doc: Y.Doc, section: 'situation' | 'dilemmas') => Node.fromJSON(caseSchema, yXmlFragmentToProsemirrorJSON(sectionFragment(doc, section)));
/** The first paragraph's text of a section, as Yjs holds it. */
const firstText = (doc: Y.Doc, section: 'situation' | 'dilemmas') => (sectionFragment(doc, section).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const pause = () => new Promise((r) => setTimeout(r, 1));
const same = (a: Y.Doc, b: Y.Doc, section: 'situation' | 'dilemmas') =>
	JSON.stringify(yXmlFragmentToProsemirrorJSON(sectionFragment(a, section))) === JSON.stringify(yXmlFragmentToProsemirrorJSON(sectionFragment(b, section)));

describe('co-editing a case study', () => {
	it('two people typing into one section at once converge, keeping every word of both', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.roleGroup);
		const name = caseDocName(w.workshopId, w.cases.roleGroup);
		const a = createClient(server.url, name, { cookie: ana.cookie });
		const b = createClient(server.url, name, { cookie: bo.cookie });
		await Promise.all([a.synced(), b.synced()]);
		prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'She uses a wheelchair.' }] }] }, sectionFragment(a.doc, 'situation'));
		await waitFor(() => same(a.doc, b.doc, 'situation'), 5000, 'first paragraph on both');
		const typing = async (doc: Y.Doc, word: string, atEnd: boolean) => {
			for (let i = 0; i < 15; i++) {
				const text = firstText(doc, 'situation');
				text.insert(atEnd ? text.length : 0, `${word}${i} `);
				await pause();
			}
		};
		await Promise.all([typing(a.doc, 'ana', true), typing(b.doc, 'bo', false)]);
		await waitFor(() => same(a.doc, b.doc, 'situation'), 5000, 'convergence');
		const text = pmDoc(a.doc, 'situation').textContent;
		for (let i = 0; i < 15; i++) {
			expect(text).toContain(`ana${i} `);
			expect(text).toContain(`bo${i} `);
		}
		expect(text).toContain('She uses a wheelchair.');
		a.destroy();
		b.destroy();
	});

	it('a disputed mark survives concurrent inserts and deletes around and inside it, with its reason, on both sides', async () => {
		const name = caseDocName(w.workshopId, w.cases.roleGroup);
		const a = createClient(server.url, name, { cookie: ana.cookie });
		const b = createClient(server.url, name, { cookie: bo.cookie });
		await Promise.all([a.synced(), b.synced()]);
		const sentence = 'The city offered a flat on the fourth floor without a lift.';
		prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence }] }] }, sectionFragment(a.doc, 'dilemmas'));
		await waitFor(() => same(a.doc, b.doc, 'dilemmas'), 5000, 'sentence on both');
		const start = sentence.indexOf('offered');
		const length = 'offered a flat on the fourth floor'.length;
		// Ana disputes the passage while Bo, at the same moment, edits before, inside and after it.
		firstText(a.doc, 'dilemmas').format(start, length, { disputed: { id: 'd1', reason: 'The flat was never offered in writing' } });
		const tb = firstText(b.doc, 'dilemmas');
		const inside = 'In 2023 '.length + start + 'offered a '.length;
		tb.insert(0, 'In 2023 ');
		tb.insert(inside, 'small ');
		tb.delete(inside + 'small '.length, 'flat '.length);
		tb.insert(tb.length, ' She refused.');
		await waitFor(() => same(a.doc, b.doc, 'dilemmas'), 5000, 'convergence');
		for (const doc of [a.doc, b.doc]) {
			const passages = disputedPassages(pmDoc(doc, 'dilemmas'));
			expect(passages).toHaveLength(1);
			expect(passages[0]).toMatchObject({ id: 'd1', reason: 'The flat was never offered in writing' });
			expect(passages[0]!.text).toContain('offered a small on the fourth floor');
			expect(passages[0]!.text).not.toContain('In 2023');
			expect(passages[0]!.text).not.toContain('She refused');
		}
		a.destroy();
		b.destroy();
	});

	it('records which role groups contributed to which section and publishes them to every screen', async () => {
		const control = createClient(server.url, docName('control', w.workshopId), { cookie: bo.cookie });
		await control.synced();
		// Both sections' contributors are published after the edits commit, not necessarily together.
		const published = () => readCaseContributors(control.doc, w.cases.roleGroup);
		await waitFor(() => (published().situation ?? []).length === 2 && (published().dilemmas ?? []).length === 2, 5000, 'contributors published');
		expect(readCaseContributors(control.doc, w.cases.roleGroup).situation!.sort()).toEqual(['civil servant', 'resident']);
		expect(readCaseContributors(control.doc, w.cases.roleGroup).dilemmas!.sort()).toEqual(['civil servant', 'resident']);
		expect(readCaseContributors(control.doc, w.cases.roleGroup).proposed_actions).toBeUndefined();
		expect(readCaseTitle(control.doc, w.cases.roleGroup)).toBe('Housing for a wheelchair user');
		// A facilitator's edit is recorded as "staff".
		const staff = createClient(server.url, caseDocName(w.workshopId, w.cases.roleGroup), { cookie: w.facilitator.cookie });
		await staff.synced();
		prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Act within a month.' }] }] }, sectionFragment(staff.doc, 'proposed_actions'));
		await waitFor(() => (readCaseContributors(control.doc, w.cases.roleGroup).proposed_actions ?? []).includes(STAFF_GROUP), 5000, 'staff contribution');
		const rows = await w.fx.db.select().from(caseContributor).where(and(eq(caseContributor.caseStudyId, w.cases.roleGroup), eq(caseContributor.section, 'situation')));
		expect(rows.map((r) => r.roleGroup).sort()).toEqual(['civil servant', 'resident']);
		staff.destroy();
		control.destroy();
	});

	it('in an anonymous activity, screens learn only that a section was edited, never by which group', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.anonymous);
		const control = createClient(server.url, docName('control', w.workshopId), { cookie: bo.cookie });
		const a = createClient(server.url, caseDocName(w.workshopId, w.cases.anonymous), { cookie: ana.cookie });
		await Promise.all([control.synced(), a.synced()]);
		prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A letter in legal language.' }] }] }, sectionFragment(a.doc, 'situation'));
		await waitFor(() => readCaseContributors(control.doc, w.cases.anonymous).situation !== undefined, 5000, 'section marked as edited');
		expect(readCaseContributors(control.doc, w.cases.anonymous).situation).toEqual([]);
		expect(JSON.stringify(control.doc.getMap('cases').toJSON()[w.cases.anonymous])).not.toContain('civil servant');
		a.destroy();
		control.destroy();
	});
});
