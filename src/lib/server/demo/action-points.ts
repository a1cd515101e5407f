/**
 * The demo's drafted action points: an action-points activity on the demo agenda, and five points
 * (two quick wins, three strategic) in the workshop's actions document, linked to the demo
 * findings and case study they answer. Content in ./action-points.en.json; deadlines are relative
 * to today. The document is built with `addActionPoint` on a fresh Y.Doc.
 */
import * as Y from 'yjs';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { finding } from '../db/schema';
import { addActivity } from '../agenda';
import { addActionPoint } from '../../shared/action-point-doc';
import { docName } from '../../shared/protocol';
import { demoAssessmentContent as assessment } from './assessment';
import content from './action-points.en.json';
import { m } from '../../paraglide/messages.js';
import { baseLocale } from '../../paraglide/runtime.js';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The actions document's first state; `findingIds` maps a finding's index in the demo content to its id. */
export function demoActionPointsUpdate(findingIds: Map<number, string>, caseStudyId: string | null, now = Date.now()): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const p of content.points) {
			const { deadlineDays, findings, caseStudy, ...fields } = p;
			addActionPoint(doc, {
				...fields,
				deadline: isoDay(now + deadlineDays * DAY),
				findingIds: findings.map((i) => findingIds.get(i)).filter((id): id is string => !!id),
				caseStudyIds: caseStudy && caseStudyId ? [caseStudyId] : []
			});
		}
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** Adds the action-points activity; returns the actions document to store. */
export async function seedDemoActionPoints(
	db: Db,
	actorUserId: string,
	workshopId: string,
	cycleId: string,
	caseStudyId: string | null
): Promise<{ doc: string; update: Uint8Array }> {
	const opts = { locale: baseLocale } as const;
	await addActivity(db, actorUserId, workshopId, {
		type: 'action_points',
		title: m.action_points_demo_agenda_title({}, opts),
		prompt: m.action_points_demo_agenda_prompt({}, opts),
		plannedMinutes: 40,
		anonymity: 'anonymous'
	});
	const wanted = [...new Set(content.points.flatMap((p) => p.findings))];
	const statements = wanted.map((i) => assessment.findings[i]!.statement);
	const rows = await db
		.select({ id: finding.id, statement: finding.statement })
		.from(finding)
		.where(and(eq(finding.cycleId, cycleId), inArray(finding.statement, statements)));
	const ids = new Map<number, string>();
	wanted.forEach((i, n) => {
		const row = rows.find((r) => r.statement === statements[n]);
		if (row) ids.set(i, row.id);
	});
	return { doc: docName('actions', workshopId), update: demoActionPointsUpdate(ids, caseStudyId) };
}
