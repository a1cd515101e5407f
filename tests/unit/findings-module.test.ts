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

async function addUser(name: string, role?: 'owner' | 'facilitator' | 'member'): Promise<string> {
	const id = newId();
	await db.db.insert(user).values({ id, email: `${id}@example.org`, displayName: name, passwordHash: 'x', createdAt: Date.now() });
	if (role) await db.db.insert(membership).values({ organisationId: orgId, userId: id, role, createdAt: Date.now() });
	return id;
}

beforeEach(async () => {
	db = tempDb();
	orgId = newId();
	await db.db.insert(organisation).values({ id: orgId, name: 'Test City', createdAt: Date.now() });
	ownerId = await addUser('Olga Owner', 'owner');
	fw = await rightscitiesFramework(db.db, orgId);
	ctx = await cycleForEditor(db.db, ownerId, orgId, await cycle(db.db, orgId, fw.id));
});
afterEach(async () => await db.dispose());

describe('access to a cycle’s findings', () => {
	it('lets members read but not change, and treats outsiders like a missing cycle', async () => {
		const memberId = await addUser('Mo Member', 'member');
		expect((await cycleForUser(db.db, memberId, orgId, ctx.id)).canEdit).toBe(false);
		await expect(cycleForEditor(db.db, memberId, orgId, ctx.id)).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
		const outsider = await addUser('Otto Outsider');
		await expect(cycleForUser(db.db, outsider, orgId, ctx.id)).rejects.toThrow(FindingsAccessError);
		await expect(cycleForUser(db.db, ownerId, newId(), ctx.id)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
	});
});

describe('editing findings', () => {
	it('records who changed which field from what to what', async () => {
		const id = await createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S.3')!, statement: ' Two staff ', rating: 'partly_in_place' });
		await updateFinding(db.db, ctx, ownerId, id, { ...blank, statement: 'Two staff', rating: 'not_in_place', confidence: 'high' });
		await updateFinding(db.db, ctx, ownerId, id, { ...blank, statement: 'Two staff', rating: 'not_in_place', confidence: 'high' });
		const history = await listHistory(db.db, id);
		expect(history.map((h) => h.action)).toEqual(['created', 'edited']);
		expect(history[0]!.detail).toMatchObject({ itemCode: 'P1.S.3', changes: { statement: [null, 'Two staff'] } });
		expect(history[1]!.detail).toEqual({ changes: { rating: ['partly_in_place', 'not_in_place'], confidence: [null, 'high'] } });
		expect(history[1]!.actorName).toBe('Olga Owner');
	});

	it('refuses bad input and items of other frameworks without changing anything', async () => {
		await expect(createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S')!, statement: 'On a section' })).rejects.toThrow(InputError);
		await expect(createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.S.1')!, statement: 'x', rating: 'great' })).rejects.toThrow(
			expect.objectContaining({ issues: { rating: 'rating_unknown' } })
		);
		expect(await db.db.select().from(finding)).toEqual([]);
	});

	it('moves the status only along the allowed transitions, with history', async () => {
		const id = await createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.F.1')!, statement: 'x' });
		await expect(changeStatus(db.db, ctx, ownerId, id, 'validated')).rejects.toThrow(expect.objectContaining({ issues: { status: 'status_not_allowed' } }));
		await changeStatus(db.db, ctx, ownerId, id, 'under_review');
		await changeStatus(db.db, ctx, ownerId, id, 'revised');
		expect((await listHistory(db.db, id)).slice(1).map((h) => h.detail)).toEqual([{ changes: { status: ['draft', 'under_review'] } }, { changes: { status: ['under_review', 'revised'] } }]);
	});

	it('adds, edits, reorders and removes evidence, each with a history entry', async () => {
		const id = await createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P1.F.1')!, statement: 'x' });
		await addEvidence(db.db, ownerId, id, { kind: 'story', text: 'First', source: '', date: '', holder: '', url: '' });
		await addEvidence(db.db, ownerId, id, { kind: 'document', text: '', source: '', date: '', holder: '', url: 'https://example.org/a' });
		await expect(addEvidence(db.db, ownerId, id, { kind: 'document', text: '', source: '', date: '', holder: '', url: 'nope' })).rejects.toThrow(InputError);
		const [first, second] = await listEvidence(db.db, id);
		await moveEvidence(db.db, ownerId, id, second!.id, 'up');
		expect((await listEvidence(db.db, id)).map((e) => e.id)).toEqual([second!.id, first!.id]);
		await editEvidence(db.db, ownerId, id, first!.id, { kind: 'story', text: 'First, edited', source: '', date: '', holder: '', url: '' });
		await removeEvidence(db.db, ownerId, id, second!.id);
		expect((await listEvidence(db.db, id)).map((e) => e.text)).toEqual(['First, edited']);
		expect((await listHistory(db.db, id)).map((h) => h.action)).toEqual(['created', 'evidence_added', 'evidence_added', 'evidence_moved', 'evidence_edited', 'evidence_removed']);
	});
});

describe('importing and exporting CSV', () => {
	it('imports the 40 example findings with their evidence and one history event each', async () => {
		expect(await importFindingsCsv(db.db, ctx, ownerId, EXAMPLE, Buffer.byteLength(EXAMPLE))).toEqual({ ok: true, imported: 40 });
		const rows = await db.db.select().from(finding);
		expect(rows).toHaveLength(40);
		expect(rows.every((r) => r.origin === 'import')).toBe(true);
		for (const r of rows) expect((await listHistory(db.db, r.id)).map((h) => h.action)).toEqual(['imported']);
		const outline = await groupedFindings(db.db, ctx, null);
		expect(outline.map((r) => r.node.code).slice(0, 3)).toEqual(['P1', 'P1.F', 'P1.F.1']);
		expect(outline.find((r) => r.node.code === 'P1.F.1')!.findings[0]!.evidenceCount).toBe(2);
		expect((await groupedFindings(db.db, ctx, 'contested')).flatMap((r) => r.findings).every((f) => f.status === 'contested')).toBe(true);
	});

	it('imports nothing when one row is bad', async () => {
		const bad = EXAMPLE.replace('P2.H.5', 'P2.H.9');
		const result = await importFindingsCsv(db.db, ctx, ownerId, bad, Buffer.byteLength(bad));
		expect(result.ok).toBe(false);
		expect(await db.db.select().from(finding)).toEqual([]);
	});

	it('exports in the import format, so an export imports back unchanged', async () => {
		expect(await exportFindingsCsv(db.db, ctx.id)).toBe(
			'item_code,statement,rating,on_paper,in_practice,effect,confidence,status,evidence_kind,evidence_text,evidence_source,evidence_date,evidence_holder,evidence_url'
		);
		await importFindingsCsv(db.db, ctx, ownerId, EXAMPLE, Buffer.byteLength(EXAMPLE));
		const id = await createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P2.P.5')!, statement: '=1+1 is not a formula', effect: 'none' });
		expect(id).toBeTruthy();
		const exported = await exportFindingsCsv(db.db, ctx.id);
		expect(exported).toContain("'=1+1 is not a formula");
		const other = await cycleForEditor(db.db, ownerId, orgId, await cycle(db.db, orgId, fw.id, [], 'Next cycle'));
		expect(await importFindingsCsv(db.db, other, ownerId, exported, Buffer.byteLength(exported))).toEqual({ ok: true, imported: 41 });
		expect(await exportFindingsCsv(db.db, other.id)).toBe(exported);
	});
});

describe('participant proposals', () => {
	let workshopId: string;
	beforeEach(async () => {
		workshopId = newId();
		await db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: 'Housing workshop', createdAt: Date.now() });
	});

	it('accepting a new finding creates it with origin participant; accepting an edit changes the statement with history', async () => {
		const newOne = await proposal(db.db, { workshopId, cycleId: ctx.id, nodeId: fw.nodes.get('P2.H.2')!, statement: 'Lifts are often broken', reason: 'We live there' });
		const existing = await createFinding(db.db, ctx, ownerId, { ...blank, nodeId: fw.nodes.get('P2.H.3')!, statement: 'Old wording' });
		const edit = await proposal(db.db, { workshopId, cycleId: ctx.id, findingId: existing, statement: 'New wording', roleGroup: 'residents' });
		const declined = await proposal(db.db, { workshopId, cycleId: ctx.id, nodeId: fw.nodes.get('P2.H.1')!, statement: 'Off topic' });
		expect((await listPendingProposals(db.db, ctx.id)).map((p) => p.id)).toEqual([newOne, edit, declined]);

		const created = await acceptProposal(db.db, ctx, ownerId, newOne);
		expect((await db.db.select().from(finding).where(eq(finding.id, created)).limit(1))[0]).toMatchObject({ origin: 'participant', status: 'draft', statement: 'Lifts are often broken' });
		expect(await acceptProposal(db.db, ctx, ownerId, edit)).toBe(existing);
		expect((await findingDetail(db.db, ctx, existing))!.finding.statement).toBe('New wording');
		expect((await listHistory(db.db, existing)).at(-1)).toMatchObject({ action: 'proposal_accepted', workshopId, detail: { roleGroup: 'residents', changes: { statement: ['Old wording', 'New wording'] } } });
		await declineProposal(db.db, ctx, ownerId, declined);
		await expect(acceptProposal(db.db, ctx, ownerId, declined)).rejects.toThrow(expect.objectContaining({ issues: { proposal: 'proposal_decided' } }));
		expect(await listPendingProposals(db.db, ctx.id)).toEqual([]);
		const decided = await db.db.select().from(findingProposal);
		expect(decided.every((p) => p.decidedBy === ownerId && p.decidedAt !== null)).toBe(true);
	});
});
