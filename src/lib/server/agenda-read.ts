/**
 * Reading a workshop's agenda. Kept apart from the changes in agenda.ts so that the live side
 * (publishing the agenda into the control document) can read it without an import cycle.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from './db/executor';
import { activity } from './db/schema';
import { isAnonymity, type ActivityType, type Anonymity } from '../shared/agenda';

export interface Activity {
	id: string;
	workshopId: string;
	position: number;
	type: ActivityType;
	title: string;
	prompt: string;
	/** The prompt in plain language; empty when none was written. */
	plainPrompt: string;
	plannedMinutes: number;
	anonymity: Anonymity;
	refId: string | null;
	createdAt: number;
}

type ActivityRow = typeof activity.$inferSelect;

/**
 * Narrows a stored row to the known types. A type this code does not know (written by a newer
 * version) is kept as is rather than hidden, so the agenda still shows every step.
 */
function toActivity(row: ActivityRow): Activity {
	return {
		...row,
		type: row.type as ActivityType,
		// An unknown anonymity level is read as the most protective one, never as "named".
		anonymity: isAnonymity(row.anonymity) ? row.anonymity : 'anonymous'
	};
}

/** The workshop's activities in agenda order (positions 0..n-1). */
export async function listActivities(db: Executor, workshopId: string): Promise<Activity[]> {
	const rows = await db
		.select()
		.from(activity)
		.where(eq(activity.workshopId, workshopId))
		.orderBy(asc(activity.position), asc(activity.createdAt), asc(activity.id));
	return rows.map(toActivity);
}

/** One activity of the workshop, or null (also when it belongs to another workshop). */
export async function getActivity(db: Executor, workshopId: string, activityId: string): Promise<Activity | null> {
	const [row] = await db
		.select()
		.from(activity)
		.where(and(eq(activity.workshopId, workshopId), eq(activity.id, activityId)))
		.limit(1);
	return row ? toActivity(row) : null;
}
