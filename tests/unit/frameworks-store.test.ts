/** The framework and cycle modules on a real database: roles, the kept original, hiding, adding, moving, deleting. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { AssessmentAccessError } from '../../src/lib/server/frameworks/org-access';
import { createFrameworkFromBuiltin, FrameworkImportError, importFramework } from '../../src/lib/server/frameworks/create';
import { addNode, deleteNode, moveNode, setNodeHidden, updateNode } from '../../src/lib/server/frameworks/edit';
import { findItemByCode, listFrameworks, listItems, listNodes } from '../../src/lib/server/frameworks/read';
import { exportFramework } from '../../src/lib/server/frameworks/export';
import { createCycle, getCycle, listCycles, updateCycle } from '../../src/lib/server/cycles';
import { RIGHTSCITIES_PILOT } from '../../src/lib/server/frameworks/builtin-rightscities';
import { auditEvent, finding } from '../../src/lib/server/db/schema';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
});
afterEach(async () => await f.t.dispose());

const wording = { localText: 'Our own words', explanation: 'Why it matters', internalOnly: false };
const cycleInput = (frameworkId: string) => ({ name: 'Cycle 2025', periodStart: '2025-01-01', periodEnd: '2025-06-30', purpose: 'Purpose', frameworkId, scale: 'default', scaleLabels: '' });

async function code(err: () => Promise<unknown>): Promise<string> {
	try {
		await err();
	} catch (e) {
		if (e instanceof AssessmentAccessError) return e.code;
		if (e instanceof InputError) return Object.values(e.issues).join(',');
		throw e;
	}
	return 'no error';
}

describe('frameworks of an organisation', () => {
	it('copies the built-in framework with items findable by code', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		expect((await listFrameworks(f.t.db, f.organisationId)).map((x) => x.builtinKey)).toEqual(['rightscities-pilot']);
		expect(await listNodes(f.t.db, fw.id)).toHaveLength(RIGHTSCITIES_PILOT.nodes.length);
		expect(await findItemByCode(f.t.db, fw.id, 'P2.H.3')).toMatchObject({ kind: 'item', sectionCode: 'P2.H', partCode: 'P2' });
		expect(await findItemByCode(f.t.db, fw.id, 'P2.H')).toBeNull();
		expect((await exportFramework(f.t.db, fw)).nodes).toEqual(RIGHTSCITIES_PILOT.nodes);
	});

	it('lets only owners and facilitators change, and hides other organisations', async () => {
		expect(await code(() => createFrameworkFromBuiltin(f.t.db, f.member, f.organisationId))).toBe('forbidden');
		expect(await code(() => createFrameworkFromBuiltin(f.t.db, f.outsider, f.organisationId))).toBe('not_found');
		const fw = await createFrameworkFromBuiltin(f.t.db, f.owner, f.organisationId);
		const node = (await findItemByCode(f.t.db, fw.id, 'P1.F.1'))!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: node.id };
		expect(await code(() => updateNode(f.t.db, f.member, ref, wording))).toBe('forbidden');
		expect(await code(() => setNodeHidden(f.t.db, f.outsider, ref, true))).toBe('not_found');
		// A framework named under another organisation's id is not found, even for its coordinators.
		expect(await code(() => updateNode(f.t.db, f.owner, { ...ref, organisationId: 'another-org' }, wording))).toBe('not_found');
	});

	it('rewords an item but keeps its original wording, and audits the change', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const node = (await findItemByCode(f.t.db, fw.id, 'P1.S.2'))!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: node.id };
		await updateNode(f.t.db, f.facilitator, ref, { ...wording, internalOnly: true });
		expect(await findItemByCode(f.t.db, fw.id, 'P1.S.2')).toMatchObject({ originalText: node.originalText, localText: 'Our own words', internalOnly: true });
		await updateNode(f.t.db, f.facilitator, ref, { ...wording, localText: node.originalText });
		expect((await findItemByCode(f.t.db, fw.id, 'P1.S.2'))?.localText).toBeNull();
		expect(await code(() => updateNode(f.t.db, f.facilitator, ref, { ...wording, localText: 'x'.repeat(1001) }))).toBe('text_too_long');
		const actions = (await f.t.db.select().from(auditEvent).where(eq(auditEvent.subject, node.id)).orderBy(asc(auditEvent.id))).map((a) => a.action);
		expect(actions).toEqual(['framework_node.update', 'framework_node.update']);
	});

	it('adds sections and items with generated or given codes, unique per framework', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const section = (await findItemByCode(f.t.db, fw.id, 'P1.S.1'))!.parentId!;
		const item = { kind: 'item' as const, parentId: section, code: '', text: 'A human rights coordinator', explanation: '', internalOnly: false };
		expect((await addNode(f.t.db, f.facilitator, f.organisationId, fw.id, item)).code).toBe('P1.S.6');
		expect((await addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, code: 'P1.S.X' })).code).toBe('P1.S.X');
		expect(await code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, code: 'P1.S.X' }))).toBe('code_taken');
		expect(await code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, kind: 'section' }))).toBe('parent_invalid');
		expect(await code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, text: ' ', code: 'no spaces' }))).toBe('text_required,code_invalid');
		expect((await listItems(f.t.db, fw.id)).filter((i) => i.sectionCode === 'P1.S').map((i) => i.code)).toEqual(['P1.S.1', 'P1.S.2', 'P1.S.3', 'P1.S.4', 'P1.S.5', 'P1.S.6', 'P1.S.X']);
	});

	it('moves a node within its parent and stops at the ends', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const ref = async (c: string) => ({ organisationId: f.organisationId, frameworkId: fw.id, nodeId: (await findItemByCode(f.t.db, fw.id, c))!.id });
		await moveNode(f.t.db, f.facilitator, await ref('P1.T.3'), 'up');
		await moveNode(f.t.db, f.facilitator, await ref('P1.T.1'), 'up');
		await moveNode(f.t.db, f.facilitator, await ref('P1.T.2'), 'down');
		expect((await listItems(f.t.db, fw.id)).filter((i) => i.sectionCode === 'P1.T').map((i) => i.code)).toEqual(['P1.T.1', 'P1.T.3', 'P1.T.2']);
	});

	it('hides and unhides, and deletes only added nodes that nothing uses', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const original = (await findItemByCode(f.t.db, fw.id, 'P2.W.1'))!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: original.id };
		await setNodeHidden(f.t.db, f.facilitator, ref, true);
		expect((await findItemByCode(f.t.db, fw.id, 'P2.W.1'))?.hidden).toBe(true);
		await setNodeHidden(f.t.db, f.facilitator, ref, false);
		expect((await findItemByCode(f.t.db, fw.id, 'P2.W.1'))?.hidden).toBe(false);
		// Hiding a section hides its items for new use, without changing the items themselves.
		await setNodeHidden(f.t.db, f.facilitator, { ...ref, nodeId: original.parentId! }, true);
		expect(await findItemByCode(f.t.db, fw.id, 'P2.W.2')).toMatchObject({ hidden: false, hiddenInTree: true, internalInTree: false });
		expect((await findItemByCode(f.t.db, fw.id, 'P2.H.2'))?.hiddenInTree).toBe(false);
		expect(await code(() => deleteNode(f.t.db, f.facilitator, ref))).toBe('node_not_added');

		const added = await addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { kind: 'item', parentId: original.parentId!, code: '', text: 'New', explanation: '', internalOnly: false });
		const addedRef = { ...ref, nodeId: added.id };
		const cycle = await createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(fw.id));
		await f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: added.id, statement: 'Used', seq: 1, createdAt: 1, updatedAt: 1 });
		expect(await code(() => deleteNode(f.t.db, f.facilitator, addedRef))).toBe('node_in_use');
		await f.t.db.delete(finding);
		await deleteNode(f.t.db, f.facilitator, addedRef);
		expect(await findItemByCode(f.t.db, fw.id, added.code)).toBeNull();
	});

	it('imports all or nothing', async () => {
		const file = JSON.stringify({ ...RIGHTSCITIES_PILOT, name: 'Shared' });
		const imported = await importFramework(f.t.db, f.owner, f.organisationId, file);
		expect(await exportFramework(f.t.db, imported)).toEqual({ ...RIGHTSCITIES_PILOT, name: 'Shared' });
		const broken = { ...RIGHTSCITIES_PILOT, nodes: [...RIGHTSCITIES_PILOT.nodes, { code: 'P1', kind: 'part', parent: null, original: 'x' }] };
		await expect(importFramework(f.t.db, f.owner, f.organisationId, broken)).rejects.toThrow(FrameworkImportError);
		expect(await listFrameworks(f.t.db, f.organisationId)).toHaveLength(1);
		expect(await code(() => importFramework(f.t.db, f.member, f.organisationId, file))).toBe('forbidden');
	});
});

describe('assessment cycles', () => {
	it('are created and edited by coordinators on their own frameworks', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = await createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(fw.id));
		expect(cycle).toMatchObject({ name: 'Cycle 2025', customScale: false, ratingScale: [{ key: 'in_place', label: '' }, { key: 'partly_in_place', label: '' }, { key: 'not_in_place', label: '' }, { key: 'dont_know', label: '' }] });
		const edited = await updateCycle(f.t.db, f.owner, f.organisationId, cycle.id, { ...cycleInput(fw.id), scale: 'custom', scaleLabels: 'Good\nBad' });
		expect(edited.ratingScale).toEqual([{ key: 'good', label: 'Good' }, { key: 'bad', label: 'Bad' }]);
		expect((await listCycles(f.t.db, f.organisationId)).map((c) => c.id)).toEqual([cycle.id]);
		expect(await code(() => createCycle(f.t.db, f.member, f.organisationId, cycleInput(fw.id)))).toBe('forbidden');
		expect(await code(() => createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput('elsewhere')))).toBe('framework_unknown');
		expect(await getCycle(f.t.db, 'another-org', cycle.id)).toBeNull();
	});

	it('keep their framework once findings exist', async () => {
		const first = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const second = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = await createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(first.id));
		await f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: (await findItemByCode(f.t.db, first.id, 'P1.F.1'))!.id, statement: 'x', seq: 1, createdAt: 1, updatedAt: 1 });
		expect(await code(() => updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, cycleInput(second.id)))).toBe('framework_locked');
	});

	it('keep every rating their findings use', async () => {
		const fw = await createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = await createCycle(f.t.db, f.facilitator, f.organisationId, { name: 'Minimal', frameworkId: fw.id });
		expect(cycle).toMatchObject({ periodStart: null, periodEnd: null, purpose: '', customScale: false });
		await f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: (await findItemByCode(f.t.db, fw.id, 'P1.F.1'))!.id, statement: 'x', rating: 'partly_in_place', seq: 1, createdAt: 1, updatedAt: 1 });
		expect(await code(() => updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, { name: 'Minimal', frameworkId: fw.id, scale: 'custom', scaleLabels: 'Yes\nNo' }))).toBe('scale_in_use');
		const kept = await updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, { name: 'Minimal', frameworkId: fw.id, scale: 'custom', scaleLabels: 'In place\nPartly in place\nNot in place' });
		expect(kept.ratingScale.map((o) => o.key)).toEqual(['in_place', 'partly_in_place', 'not_in_place']);
	});
});
