import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from './temp-db';
import { cycle, proposal, rightscitiesFramework, type TestFramework } from '../helpers/assessment-fixtures';
import { finding, findingProposal, membership, organisation, user, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { cycleForEditor, cycleForUser, FindingsAccessError, type CycleContext } from '../../src/lib/server/findings/cycle-access';
import { changeStatus, createFinding, updateFinding } from '../../src/lib/server/findings/findings';
import { addEvidence, editEvidence, listEvidence, moveEvidence, removeEvidence } from '../../src/lib/server/findings/evidence';
import { listHistory } from '../../src/lib/server/findings/history';
import { importFindingsCsv } from '../../src/lib/server/findings/csv-import';
import { exportFindingsCsv } from '../../src/lib/server/findings/csv-export';
import { findingDetail, groupedFindings } from '../../src/lib/server/findings/read';
import { acceptProposal, declineProposal, listPendingProposals } from '../../src/lib/server/findings/proposals';
import { InputError } from '../../src/lib/server/input-error';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/examples/findings.csv'), 'utf8');
const blank = { statement: '', rating: '', onPaper: '', inPractice: '', effect: '', confidence: '' };

let db: TempDb;
let fw: TestFramework;
let ctx: CycleContext;
let ownerId: string;
let orgId: string;

function addUser(name: string, role?: 'owner' | 'facilitator' | 'member'): string {
	const id = newId();
	db.db.insert(user).values({ id, email: `${id}@example.org`, displayName: name, passwordHash: 'x', createdAt: Date.now() }).run();
	if (role) db.db.insert(membership).values({ organisationId: orgId, userId: id, role, createdAt: Date.now() }).run();
	return id;
}

beforeEach(() => {
	db = tempDb();
	orgId = newId();
	db.db.insert(organisation).values({ id: orgId, name: 'Test City', createdAt: Date.now() }).run();
	ownerId = addUser('Olga Owner', 'owner');
	fw = rightscitiesFramework(db.db, orgId);
	ctx = cycleForEditor(db.db, ownerId, orgId, cycle(db.db, orgId, fw.id));
});
afterEach(() => db.dispose());

describe('access to a cycle’s findings', () => {
	it('lets members read but not change, and treats outsiders like a missing cycle', () => {
		const memberId = addUser('Mo Member', 'member');
		expect(cycleForUser(db.db, memberId, orgId, ctx.id).canEdit).toBe(false);
		expect(() => cycleForEditor(db.db, memberId, orgId, ctx.id)).toThrow(expect.objectContaining({ code: 'forbidden' }));
		const outsider = addUser('Otto Outsider');
		expect(() => cycleForUser(db.db, outsider, orgId, ctx.id)).toThrow(FindingsAccessError);
		expect(() => cycleForUser(db.db, ownerId, newId(), ctx.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
	});
});

describe('editing findings', () => {
	it('records who changed which field from what to what', () => {
		const id = createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S.3')!, statement: ' Two staff ', rating: 'partly_in_place' });
		updateFinding(db.db, ctx, ownerId, id, { ...blank, statement: 'Two staff', rating: 'not_in_place', confidence: 'high' });
		updateFinding(db.db, ctx, ownerId, id, { ...blank, statement: 'Two staff', rating: 'not_in_place', confidence: 'high' });
		const history = listHistory(db.db, id);
		expect(history.map((h) => h.action)).toEqual(['created', 'edited']);
		expect(history[0]!.detail).toMatchObject({ itemCode: 'P1.S.3', changes: { statement: [null, 'Two staff'] } });
		expect(history[1]!.detail).toEqual({ changes: { rating: ['partly_in_place', 'not_in_place'], confidence: [null, 'high'] } });
		expect(history[1]!.actorName).toBe('Olga Owner');
	});

	it('refuses bad input and items of other frameworks without changing anything', () => {
		expect(() => createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S')!, statement: 'On a section' })).toThrow(InputError);
		expect(() => createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S.1')!, statement: 'x', rating: 'great' })).toThrow(
			expect.objectContaining({ issues: { rating: 'rating_unknown' } })
		);
		expect(db.db.select().from(finding).all()).toEqual([]);
	});

	it('moves the status only along the allowed transitions, with history', () => {
		const id = createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.F.1')!, statement: 'x' });
		expect(() => changeStatus(db.db, ctx, ownerId, id, 'validated')).toThrow(expect.objectContaining({ issues: { status: 'status_not_allowed' } }));
		changeStatus(db.db, ctx, ownerId, id, 'under_review');
		changeStatus(db.db, ctx, ownerId, id, 'revised');
		expect(listHistory(db.db, id).slice(1).map((h) => h.detail)).toEqual([{ changes: { status: ['draft', 'under_review'] } }, { changes: { status: ['under_review', 'revised'] } }]);
	});

	it('adds, edits, reorders and removes evidence, each with a history entry', () => {
		const id = createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.F.1')!, statement: 'x' });
		addEvidence(db.db, ownerId, id, { kind: 'story', text: 'First', source: '', date: '', holder: '', url: '' });
		addEvidence(db.db, ownerId, id, { kind: 'document', text: '', source: '', date: '', holder: '', url: 'https://example.org/a' });
		expect(() => addEvidence(db.db, ownerId, id, { kind: 'document', text: '', source: '', date: '', holder: '', url: 'nope' })).toThrow(InputError);
		const [first, second] = listEvidence(db.db, id);
		moveEvidence(db.db, ownerId, id, second!.id, 'up');
		expect(listEvidence(db.db, id).map((e) => e.id)).toEqual([second!.id, first!.id]);
		editEvidence(db.db, ownerId, id, first!.id, { kind: 'story', text: 'First, edited', source: '', date: '', holder: '', url: '' });
		removeEvidence(db.db, ownerId, id, second!.id);
		expect(listEvidence(db.db, id).map((e) => e.text)).toEqual(['First, edited']);
		expect(listHistory(db.db, id).map((h) => h.action)).toEqual(['created', 'evidence_added', 'evidence_added', 'evidence_moved', 'evidence_edited', 'evidence_removed']);
	});
});

describe('importing and exporting CSV', () => {
	it('imports the 40 example findings with their evidence and one history event each', () => {
		expect(importFindingsCsv(db.db, ctx, ownerId, EXAMPLE, Buffer.byteLength(EXAMPLE))).toEqual({ ok: true, imported: 40 });
		const rows = db.db.select().from(finding).all();
		expect(rows).toHaveLength(40);
		expect(rows.every((r) => r.origin === 'import')).toBe(true);
		for (const r of rows) expect(listHistory(db.db, r.id).map((h) => h.action)).toEqual(['imported']);
		const outline = groupedFindings(db.db, ctx, null);
		expect(outline.map((r) => r.node.code).slice(0, 3)).toEqual(['P1', 'P1.F', 'P1.F.1']);
		expect(outline.find((r) => r.node.code === 'P1.F.1')!.findings[0]!.evidenceCount).toBe(2);
		expect(groupedFindings(db.db, ctx, 'contested').flatMap((r) => r.findings).every((f) => f.status === 'contested')).toBe(true);
	});

	it('imports nothing when one row is bad', () => {
		const bad = EXAMPLE.replace('P2.H.5', 'P2.H.9');
		const result = importFindingsCsv(db.db, ctx, ownerId, bad, Buffer.byteLength(bad));
		expect(result.ok).toBe(false);
		expect(db.db.select().from(finding).all()).toEqual([]);
	});

	it('exports in the import format, so an export imports back unchanged', () => {
		expect(exportFindingsCsv(db.db, ctx.id)).toBe(
			'item_code,statement,rating,on_paper,in_practice,effect,confidence,status,evidence_kind,evidence_text,evidence_source,evidence_date,evidence_holder,evidence_url'
		);
		importFindingsCsv(db.db, ctx, ownerId, EXAMPLE, Buffer.byteLength(EXAMPLE));
		const id = createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P2.P.5')!, statement: '=1+1 is not a formula', effect: 'none' });
		expect(id).toBeTruthy();
		const exported = exportFindingsCsv(db.db, ctx.id);
		expect(exported).toContain("'=1+1 is not a formula");
		const other = cycleForEditor(db.db, ownerId, orgId, cycle(db.db, orgId, fw.id, [], 'Next cycle'));
		expect(importFindingsCsv(db.db, other, ownerId, exported, Buffer.byteLength(exported))).toEqual({ ok: true, imported: 41 });
		expect(exportFindingsCsv(db.db, other.id)).toBe(exported);
	});
});

describe('participant proposals', () => {
	let workshopId: string;
	beforeEach(() => {
		workshopId = newId();
		db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: 'Housing workshop', createdAt: Date.now() }).run();
	});

	it('accepting a new finding creates it with origin participant; accepting an edit changes the statement with history', () => {
		const newOne = proposal(db.db, { workshopId, cycleId: ctx.id, nodeId: fw.nodes.get('P2.H.2')!, statement: 'Lifts are often broken', reason: 'We live there' });
		const existing = createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P2.H.3')!, statement: 'Old wording' });
		const edit = proposal(db.db, { workshopId, cycleId: ctx.id, findingId: existing, statement: 'New wording', roleGroup: 'residents' });
		const declined = proposal(db.db, { workshopId, cycleId: ctx.id, nodeId: fw.nodes.get('P2.H.1')!, statement: 'Off topic' });
		expect(listPendingProposals(db.db, ctx.id).map((p) => p.id)).toEqual([newOne, edit, declined]);

		const created = acceptProposal(db.db, ctx, ownerId, newOne);
		expect(db.db.select().from(finding).where(eq(finding.id, created)).get()).toMatchObject({ origin: 'participant', status: 'draft', statement: 'Lifts are often broken' });
		expect(acceptProposal(db.db, ctx, ownerId, edit)).toBe(existing);
		expect(findingDetail(db.db, ctx, existing)!.finding.statement).toBe('New wording');
		expect(listHistory(db.db, existing).at(-1)).toMatchObject({ action: 'proposal_accepted', workshopId, detail: { roleGroup: 'residents', changes: { statement: ['Old wording', 'New wording'] } } });
		declineProposal(db.db, ctx, ownerId, declined);
		expect(() => acceptProposal(db.db, ctx, ownerId, declined)).toThrow(expect.objectContaining({ issues: { proposal: 'proposal_decided' } }));
		expect(listPendingProposals(db.db, ctx.id)).toEqual([]);
		const decided = db.db.select().from(findingProposal).all();
		expect(decided.every((p) => p.decidedBy === ownerId && p.decidedAt !== null)).toBe(true);
	});
});
