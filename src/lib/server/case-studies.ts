/**
 * Case studies: one per `case_study` activity. Creating the case for an activity stores the row
 * and points `activity.ref_id` at it, so the published agenda carries it to every screen.
 * Its text lives in the synced document `case.<workshopId>.<caseStudyId>`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { activity, caseStudy, workshopControl } from './db/schema';
import { newId } from './ids';
import { InputError } from './input-error';
import { validateCaseTitle } from '../shared/case-study-template';
import { publishWorkshop } from './live/publish';

export interface CaseStudyRow {
	id: string;
	workshopId: string;
	title: string;
}

/** The case study of an activity in this workshop, or null when none was created yet. */
export async function caseForActivity(db: Executor, workshopId: string, activityId: string): Promise<CaseStudyRow | null> {
	const [row] = await db
		.select({ id: caseStudy.id, workshopId: caseStudy.workshopId, title: caseStudy.title })
		.from(activity)
		.innerJoin(caseStudy, and(eq(caseStudy.id, activity.refId), eq(caseStudy.workshopId, activity.workshopId)))
		.where(and(eq(activity.id, activityId), eq(activity.workshopId, workshopId), eq(activity.type, 'case_study')))
		.limit(1);
	return row ?? null;
}

/** The activity showing a case study in its workshop (id and anonymity), or null. */
export async function activityOfCase(db: Db, workshopId: string, caseStudyId: string): Promise<{ id: string; anonymity: string } | null> {
	const [row] = await db
		.select({ id: activity.id, anonymity: activity.anonymity })
		.from(activity)
		.where(and(eq(activity.workshopId, workshopId), eq(activity.refId, caseStudyId), eq(activity.type, 'case_study')))
		.orderBy(asc(activity.position), asc(activity.createdAt), asc(activity.id))
		.limit(1);
	return row ?? null;
}

/** True when the case study exists and belongs to this workshop. */
export async function caseInWorkshop(db: Db, workshopId: string, caseStudyId: string): Promise<boolean> {
	const rows = await db
		.select({ id: caseStudy.id })
		.from(caseStudy)
		.where(and(eq(caseStudy.id, caseStudyId), eq(caseStudy.workshopId, workshopId)))
		.limit(1);
	return rows.length > 0;
}

/** Participants write a case only while its activity is the workshop's current activity. */
export async function caseIsLive(db: Db, workshopId: string, caseStudyId: string): Promise<boolean> {
	const shown = await activityOfCase(db, workshopId, caseStudyId);
	if (!shown) return false;
	const [control] = await db
		.select({ current: workshopControl.currentActivityId })
		.from(workshopControl)
		.where(eq(workshopControl.workshopId, workshopId))
		.limit(1);
	return control?.current === shown.id;
}

/**
 * Creates the case for a `case_study` activity, or renames the existing one. Throws InputError
 * (`title`) on a bad title and changes nothing. The caller checked that the user may prepare.
 */
export async function saveCaseForActivity(db: Db, userId: string, workshopId: string, activityId: string, rawTitle: unknown): Promise<CaseStudyRow> {
	const checked = validateCaseTitle(rawTitle);
	if (!checked.ok) throw new InputError({ title: checked.issue });
	const now = Date.now();
	// One transaction: two saves at once must not both create a case for the activity.
	const saved = await db.transaction(async (tx): Promise<CaseStudyRow> => {
		const [target] = await tx
			.select({ id: activity.id, type: activity.type })
			.from(activity)
			.where(and(eq(activity.id, activityId), eq(activity.workshopId, workshopId)))
			.limit(1);
		if (!target || target.type !== 'case_study') throw new InputError({ activity: 'not_case_study' });
		const existing = await caseForActivity(tx, workshopId, activityId);
		if (existing) {
			await tx.update(caseStudy).set({ title: checked.title, updatedAt: now }).where(eq(caseStudy.id, existing.id));
			return { ...existing, title: checked.title };
		}
		const id = newId();
		await tx.insert(caseStudy).values({ id, workshopId, title: checked.title, createdBy: userId, createdAt: now, updatedAt: now });
		await tx.update(activity).set({ refId: id }).where(eq(activity.id, activityId));
		return { id, workshopId, title: checked.title };
	});
	await publishWorkshop(db, workshopId);
	return saved;
}
