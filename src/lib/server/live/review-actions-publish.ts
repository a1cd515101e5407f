/**
 * What the control document says about a workshop's "review open actions" activities: the
 * organisation's open register entries with their latest update. Read from the database when
 * publishing; returns a writer applied inside the control document's transaction. Only fields
 * the whole room may see are selected: no owner, recorder or actor.
 */
import type * as Y from 'yjs';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, actionUpdate, activity, workshop } from '../db/schema';
import { isOverdue, todayIso } from '../../shared/action-rules';
import { OPEN_ACTION_STATUSES, REVIEW_ACTIONS_ROOT, type PublishedReview, type ReviewedAction } from '../../shared/review-actions-control';

export const REVIEW_ACTIONS_TYPE = 'review_actions';

/** The open entries of `organisationId`, by deadline (none last), then by recording. */
export async function openActions(db: Executor, organisationId: string, today: string): Promise<ReviewedAction[]> {
	const rows = await db
		.select({
			id: actionRegisterEntry.id,
			title: actionRegisterEntry.title,
			horizon: actionRegisterEntry.horizon,
			department: actionRegisterEntry.department,
			status: actionRegisterEntry.status,
			progress: actionRegisterEntry.progress,
			deadline: actionRegisterEntry.deadline,
			updatedAt: actionRegisterEntry.updatedAt
		})
		.from(actionRegisterEntry)
		.where(and(eq(actionRegisterEntry.organisationId, organisationId), inArray(actionRegisterEntry.status, [...OPEN_ACTION_STATUSES])))
		.orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.id));
	const entries: ReviewedAction[] = [];
	for (const { updatedAt, ...row } of rows) {
		const [latest] = await db
			.select({ note: actionUpdate.note, createdAt: actionUpdate.createdAt })
			.from(actionUpdate)
			.where(eq(actionUpdate.entryId, row.id))
			.orderBy(desc(actionUpdate.id))
			.limit(1);
		entries.push({ ...row, overdue: isOverdue(row, today), latestNote: latest?.note ?? '', latestAt: latest?.createdAt ?? updatedAt });
	}
	return entries.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
}

/** The review of each `review_actions` activity of the workshop, keyed by activity id. */
export async function publishedReviews(db: Executor, workshopId: string, now = Date.now()): Promise<Record<string, PublishedReview>> {
	const [ws] = await db.select({ organisationId: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
	if (!ws) return {};
	const ids = await db
		.select({ id: activity.id })
		.from(activity)
		.where(and(eq(activity.workshopId, workshopId), eq(activity.type, REVIEW_ACTIONS_TYPE)));
	if (ids.length === 0) return {};
	const today = todayIso(now);
	const review: PublishedReview = { organisationId: ws.organisationId, today, entries: await openActions(db, ws.organisationId, today) };
	return Object.fromEntries(ids.map(({ id }) => [id, review]));
}

export async function reviewActionsControlWriter(db: Executor, workshopId: string): Promise<(doc: Y.Doc) => void> {
	const reviews = await publishedReviews(db, workshopId);
	return (doc) => {
		const map = doc.getMap(REVIEW_ACTIONS_ROOT);
		for (const key of [...map.keys()]) if (!(key in reviews)) map.delete(key);
		for (const [id, review] of Object.entries(reviews)) {
			if (JSON.stringify(map.get(id)) !== JSON.stringify(review)) map.set(id, review);
		}
	};
}
