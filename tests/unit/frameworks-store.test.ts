/** The framework and cycle modules on a real database: roles, the kept original, hiding, adding, moving, deleting. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
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
beforeEach(() => (f = prepareFixture()));
afterEach(() => f.t.dispose());

const wording = { localText: 'Our own words', explanation: 'Why it matters', internalOnly: false };
const cycleInput = (frameworkId: string) => ({ name: 'Cycle 2025', periodStart: '2025-01-01', periodEnd: '2025-06-30', purpose: 'Purpose', frameworkId, scale: 'default', scaleLabels: '' });

function code(err: () => unknown): string {
	try {
		err();
	} catch (e) {
		if (e instanceof AssessmentAccessError) return e.code;
		if (e instanceof InputError) return Object.values(e.issues).join(',');
		throw e;
	}
	return 'no error';
}

describe('frameworks of an organisation', () => {
	it('copies the built-in framework with items findable by code', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		expect(listFrameworks(f.t.db, f.organisationId).map((x) => x.builtinKey)).toEqual(['rightscities-pilot']);
		expect(listNodes(f.t.db, fw.id)).toHaveLength(RIGHTSCITIES_PILOT.nodes.length);
		expect(findItemByCode(f.t.db, fw.id, 'P2.H.3')).toMatchObject({ kind: 'item', sectionCode: 'P2.H', partCode: 'P2' });
		expect(findItemByCode(f.t.db, fw.id, 'P2.H')).toBeNull();
		expect(exportFramework(f.t.db, fw).nodes).toEqual(RIGHTSCITIES_PILOT.nodes);
	});

	it('lets only owners and facilitators change, and hides other organisations', () => {
		expect(code(() => createFrameworkFromBuiltin(f.t.db, f.member, f.organisationId))).toBe('forbidden');
		expect(code(() => createFrameworkFromBuiltin(f.t.db, f.outsider, f.organisationId))).toBe('not_found');
		const fw = createFrameworkFromBuiltin(f.t.db, f.owner, f.organisationId);
		const node = findItemByCode(f.t.db, fw.id, 'P1.F.1')!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: node.id };
		expect(code(() => updateNode(f.t.db, f.member, ref, wording))).toBe('forbidden');
		expect(code(() => setNodeHidden(f.t.db, f.outsider, ref, true))).toBe('not_found');
		// A framework named under another organisation's id is not found, even for its coordinators.
		expect(code(() => updateNode(f.t.db, f.owner, { ...ref, organisationId: 'another-org' }, wording))).toBe('not_found');
	});

	it('rewords an item but keeps its original wording, and audits the change', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const node = findItemByCode(f.t.db, fw.id, 'P1.S.2')!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: node.id };
		updateNode(f.t.db, f.facilitator, ref, { ...wording, internalOnly: true });
		expect(findItemByCode(f.t.db, fw.id, 'P1.S.2')).toMatchObject({ originalText: node.originalText, localText: 'Our own words', internalOnly: true });
		updateNode(f.t.db, f.facilitator, ref, { ...wording, localText: node.originalText });
		expect(findItemByCode(f.t.db, fw.id, 'P1.S.2')?.localText).toBeNull();
		expect(code(() => updateNode(f.t.db, f.facilitator, ref, { ...wording, localText: 'x'.repeat(1001) }))).toBe('text_too_long');
		const actions = f.t.db.select().from(auditEvent).where(eq(auditEvent.subject, node.id)).all().map((a) => a.action);
		expect(actions).toEqual(['framework_node.update', 'framework_node.update']);
	});

	it('adds sections and items with generated or given codes, unique per framework', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const section = findItemByCode(f.t.db, fw.id, 'P1.S.1')!.parentId!;
		const item = { kind: 'item' as const, parentId: section, code: '', text: 'A human rights coordinator', explanation: '', internalOnly: false };
		expect(addNode(f.t.db, f.facilitator, f.organisationId, fw.id, item).code).toBe('P1.S.6');
		expect(addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, code: 'P1.S.X' }).code).toBe('P1.S.X');
		expect(code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, code: 'P1.S.X' }))).toBe('code_taken');
		expect(code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, kind: 'section' }))).toBe('parent_invalid');
		expect(code(() => addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { ...item, text: ' ', code: 'no spaces' }))).toBe('text_required,code_invalid');
		expect(listItems(f.t.db, fw.id).filter((i) => i.sectionCode === 'P1.S').map((i) => i.code)).toEqual(['P1.S.1', 'P1.S.2', 'P1.S.3', 'P1.S.4', 'P1.S.5', 'P1.S.6', 'P1.S.X']);
	});

	it('moves a node within its parent and stops at the ends', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const ref = (c: string) => ({ organisationId: f.organisationId, frameworkId: fw.id, nodeId: findItemByCode(f.t.db, fw.id, c)!.id });
		moveNode(f.t.db, f.facilitator, ref('P1.T.3'), 'up');
		moveNode(f.t.db, f.facilitator, ref('P1.T.1'), 'up');
		moveNode(f.t.db, f.facilitator, ref('P1.T.2'), 'down');
		expect(listItems(f.t.db, fw.id).filter((i) => i.sectionCode === 'P1.T').map((i) => i.code)).toEqual(['P1.T.1', 'P1.T.3', 'P1.T.2']);
	});

	it('hides and unhides, and deletes only added nodes that nothing uses', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const original = findItemByCode(f.t.db, fw.id, 'P2.W.1')!;
		const ref = { organisationId: f.organisationId, frameworkId: fw.id, nodeId: original.id };
		setNodeHidden(f.t.db, f.facilitator, ref, true);
		expect(findItemByCode(f.t.db, fw.id, 'P2.W.1')?.hidden).toBe(true);
		setNodeHidden(f.t.db, f.facilitator, ref, false);
		expect(findItemByCode(f.t.db, fw.id, 'P2.W.1')?.hidden).toBe(false);
		// Hiding a section hides its items for new use, without changing the items themselves.
		setNodeHidden(f.t.db, f.facilitator, { ...ref, nodeId: original.parentId! }, true);
		expect(findItemByCode(f.t.db, fw.id, 'P2.W.2')).toMatchObject({ hidden: false, hiddenInTree: true, internalInTree: false });
		expect(findItemByCode(f.t.db, fw.id, 'P2.H.2')?.hiddenInTree).toBe(false);
		expect(code(() => deleteNode(f.t.db, f.facilitator, ref))).toBe('node_not_added');

		const added = addNode(f.t.db, f.facilitator, f.organisationId, fw.id, { kind: 'item', parentId: original.parentId!, code: '', text: 'New', explanation: '', internalOnly: false });
		const addedRef = { ...ref, nodeId: added.id };
		const cycle = createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(fw.id));
		f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: added.id, statement: 'Used', createdAt: 1, updatedAt: 1 }).run();
		expect(code(() => deleteNode(f.t.db, f.facilitator, addedRef))).toBe('node_in_use');
		f.t.db.delete(finding).run();
		deleteNode(f.t.db, f.facilitator, addedRef);
		expect(findItemByCode(f.t.db, fw.id, added.code)).toBeNull();
	});

	it('imports all or nothing', () => {
		const file = JSON.stringify({ ...RIGHTSCITIES_PILOT, name: 'Shared' });
		const imported = importFramework(f.t.db, f.owner, f.organisationId, file);
		expect(exportFramework(f.t.db, imported)).toEqual({ ...RIGHTSCITIES_PILOT, name: 'Shared' });
		const broken = { ...RIGHTSCITIES_PILOT, nodes: [...RIGHTSCITIES_PILOT.nodes, { code: 'P1', kind: 'part', parent: null, original: 'x' }] };
		expect(() => importFramework(f.t.db, f.owner, f.organisationId, broken)).toThrow(FrameworkImportError);
		expect(listFrameworks(f.t.db, f.organisationId)).toHaveLength(1);
		expect(code(() => importFramework(f.t.db, f.member, f.organisationId, file))).toBe('forbidden');
	});
});

describe('assessment cycles', () => {
	it('are created and edited by coordinators on their own frameworks', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(fw.id));
		expect(cycle).toMatchObject({ name: 'Cycle 2025', customScale: false, ratingScale: [{ key: 'in_place', label: '' }, { key: 'partly_in_place', label: '' }, { key: 'not_in_place', label: '' }, { key: 'dont_know', label: '' }] });
		const edited = updateCycle(f.t.db, f.owner, f.organisationId, cycle.id, { ...cycleInput(fw.id), scale: 'custom', scaleLabels: 'Good\nBad' });
		expect(edited.ratingScale).toEqual([{ key: 'good', label: 'Good' }, { key: 'bad', label: 'Bad' }]);
		expect(listCycles(f.t.db, f.organisationId).map((c) => c.id)).toEqual([cycle.id]);
		expect(code(() => createCycle(f.t.db, f.member, f.organisationId, cycleInput(fw.id)))).toBe('forbidden');
		expect(code(() => createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput('elsewhere')))).toBe('framework_unknown');
		expect(getCycle(f.t.db, 'another-org', cycle.id)).toBeNull();
	});

	it('keep their framework once findings exist', () => {
		const first = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const second = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = createCycle(f.t.db, f.facilitator, f.organisationId, cycleInput(first.id));
		f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: findItemByCode(f.t.db, first.id, 'P1.F.1')!.id, statement: 'x', createdAt: 1, updatedAt: 1 }).run();
		expect(code(() => updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, cycleInput(second.id)))).toBe('framework_locked');
	});

	it('keep every rating their findings use', () => {
		const fw = createFrameworkFromBuiltin(f.t.db, f.facilitator, f.organisationId);
		const cycle = createCycle(f.t.db, f.facilitator, f.organisationId, { name: 'Minimal', frameworkId: fw.id });
		expect(cycle).toMatchObject({ periodStart: null, periodEnd: null, purpose: '', customScale: false });
		f.t.db.insert(finding).values({ id: 'f1', cycleId: cycle.id, nodeId: findItemByCode(f.t.db, fw.id, 'P1.F.1')!.id, statement: 'x', rating: 'partly_in_place', createdAt: 1, updatedAt: 1 }).run();
		expect(code(() => updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, { name: 'Minimal', frameworkId: fw.id, scale: 'custom', scaleLabels: 'Yes\nNo' }))).toBe('scale_in_use');
		const kept = updateCycle(f.t.db, f.facilitator, f.organisationId, cycle.id, { name: 'Minimal', frameworkId: fw.id, scale: 'custom', scaleLabels: 'In place\nPartly in place\nNot in place' });
		expect(kept.ratingScale.map((o) => o.key)).toEqual(['in_place', 'partly_in_place', 'not_in_place']);
	});
});
