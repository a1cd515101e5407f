/**
 * The `reviewActions` root of the control document: for each "review open actions" activity, the
 * organisation's open action points as every screen may see them. Never names (owner, recorder,
 * actor): participants read this document.
 */
import type * as Y from 'yjs';

export const REVIEW_ACTIONS_ROOT = 'reviewActions';

/** Statuses of an action point that is still open and so gets reviewed. */
export const OPEN_ACTION_STATUSES = ['planned', 'in_progress', 'stuck'] as const;

export interface ReviewedAction {
	id: string;
	title: string;
	horizon: string;
	department: string;
	status: string;
	progress: number;
	deadline: string | null;
	overdue: boolean;
	/** The latest dated update: its note (may be empty) and when it was made (ms since epoch). */
	latestNote: string;
	latestAt: number;
}

export interface PublishedReview {
	/** For staff links into the register; the register itself refuses anyone not a member. */
	organisationId: string;
	/** The day "overdue" was decided on, YYYY-MM-DD (UTC). */
	today: string;
	entries: ReviewedAction[];
}

/** The published review of one activity, or null when the server has not published one. */
export function readPublishedReview(doc: Y.Doc, activityId: string): PublishedReview | null {
	const value = doc.getMap(REVIEW_ACTIONS_ROOT).get(activityId) as Partial<PublishedReview> | undefined;
	if (!value || !Array.isArray(value.entries) || typeof value.today !== 'string') return null;
	return value as PublishedReview;
}
