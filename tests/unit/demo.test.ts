import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDb, type TempDb } from './temp-db';
import { seedDemo, demoWorkshopId, DEMO_EMAIL } from '../../src/lib/server/demo';
import { listActivities } from '../../src/lib/server/agenda';
import { createFirstAccount, hasAccounts, isSetUp } from '../../src/lib/server/setup';
import { verifyCredentials } from '../../src/lib/server/users';
import { listNotes } from '../../src/lib/shared/doc-schema';
import { eq } from 'drizzle-orm';
import { actionRegisterEntry, caseStudy, evidence, finding, frameworkNode, voteItem, voteSetup } from '../../src/lib/server/db/schema';
import { caseDocName } from '../../src/lib/shared/protocol';
import { readRights, sectionFragment } from '../../src/lib/shared/case-doc';
import { docName } from '../../src/lib/shared/protocol';
import { readActionPoints } from '../../src/lib/shared/action-point-doc';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(async () => await t.dispose());

describe('demo content', () => {
	it('seeds an organisation, a facilitator who can sign in and a workshop board with notes, once', async () => {
		const demo = await seedDemo(t.db);
		expect(demo).not.toBeNull();
		expect(await verifyCredentials(t.db, DEMO_EMAIL, demo!.password)).not.toBeNull();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, demo!.docs[0]!.update);
		expect(listNotes(doc).length).toBe(3);
		expect((await listActivities(t.db, demo!.workshopId)).map((a) => a.type)).toEqual(['orientation', 'brainstorm', 'discussion', 'case_study', 'vote', 'action_points']);
		expect(await demoWorkshopId(t.db)).toBe(demo!.workshopId);
		expect(await seedDemo(t.db)).toBeNull();
	});

	it('seeds a cycle of twenty housing and participation findings, a written case study and a finding vote', async () => {
		const demo = (await seedDemo(t.db))!;
		const findings = await t.db.select().from(finding);
		expect(findings).toHaveLength(20);
		expect((await t.db.select().from(evidence)).length).toBeGreaterThanOrEqual(15);
		const nodes = await t.db.select({ code: frameworkNode.code }).from(finding).innerJoin(frameworkNode, eq(frameworkNode.id, finding.nodeId));
		const codes = nodes.map((r) => r.code);
		expect(codes.every((c) => c.startsWith('P2.H.') || c.startsWith('P2.P.'))).toBe(true);
		const steps = await listActivities(t.db, demo.workshopId);
		const caseStep = steps.find((a) => a.type === 'case_study')!;
		const [cs] = await t.db.select().from(caseStudy).where(eq(caseStudy.id, caseStep.refId!)).limit(1);
		expect(cs?.workshopId).toBe(demo.workshopId);
		const caseDoc = demo.docs.find((d) => d.doc === caseDocName(demo.workshopId, cs!.id))!;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, caseDoc.update);
		expect(sectionFragment(doc, 'situation').toString()).toContain('wheelchair');
		expect(sectionFragment(doc, 'proposed_actions').length).toBe(2);
		expect(readRights(doc).map((r) => r.id)).toEqual(['eu_charter_26', 'crpd_19', 'crpd_28']);
		const voteStep = steps.find((a) => a.type === 'vote')!;
		expect((await t.db.select().from(voteSetup).where(eq(voteSetup.activityId, voteStep.id)).limit(1))[0]).toMatchObject({ kind: 'agree', status: 'draft' });
		const items = await t.db.select().from(voteItem).where(eq(voteItem.activityId, voteStep.id));
		expect(items).toHaveLength(6);
		expect(items.every((i) => findings.some((f) => f.id === i.findingId))).toBe(true);
		const register = await t.db.select().from(actionRegisterEntry);
		expect(register).toHaveLength(5);
		expect(new Set(register.map((e) => e.horizon))).toEqual(new Set(['quick_win', 'strategic']));
	});

	it('seeds five drafted action points, quick wins and strategic, linked to demo findings and the case study', async () => {
		const demo = (await seedDemo(t.db))!;
		const stored = demo.docs.find((d) => d.doc === docName('actions', demo.workshopId))!;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored.update);
		const points = readActionPoints(doc);
		expect(points).toHaveLength(5);
		expect(points.filter((p) => p.horizon === 'quick_win')).toHaveLength(2);
		expect(points.filter((p) => p.horizon === 'strategic')).toHaveLength(3);
		for (const p of points) {
			expect(p.title && p.type && p.department && p.deadline && p.competence && p.affectedGroups).toBeTruthy();
			expect(p.indicators.length).toBeGreaterThan(0);
			expect(p.indicators.every((i) => i.baseline && i.target)).toBe(true);
			expect(p.ownerName).toBe('');
		}
		const findingIds = new Set((await t.db.select({ id: finding.id }).from(finding)).map((f) => f.id));
		expect(points.every((p) => p.findingIds.length > 0 && p.findingIds.every((id) => findingIds.has(id)))).toBe(true);
		const cs = (await t.db.select().from(caseStudy).where(eq(caseStudy.workshopId, demo.workshopId)).limit(1))[0]!;
		expect(points.filter((p) => p.caseStudyIds.includes(cs.id))).toHaveLength(2);
		const step = (await listActivities(t.db, demo.workshopId)).find((a) => a.type === 'action_points')!;
		expect(step.anonymity).toBe('anonymous');
	});

	it('leaves the one-time setup open: the demo account does not count as the first real account', async () => {
		await seedDemo(t.db);
		expect(await hasAccounts(t.db)).toBe(true);
		expect(await isSetUp(t.db)).toBe(false);
		await createFirstAccount(t.db, {
			email: 'owner@city.example',
			displayName: 'Owner',
			password: 'a long enough password',
			organisation: 'City'
		});
		expect(await isSetUp(t.db)).toBe(true);
	});
});
