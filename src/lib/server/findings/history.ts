/**
 * The history of a finding: one `finding_event` per change, with who made it and when. Changes
 * are recorded as `{ changes: { field: [from, to] } }`; other actions carry their own detail.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { findingEvent, user } from '../db/schema';

/** The actions the findings module writes; `workshop_validation` is written by the votes module. */
export type FindingAction =
	| 'created'
	| 'imported'
	| 'edited'
	| 'status_changed'
	| 'evidence_added'
	| 'evidence_edited'
	| 'evidence_removed'
	| 'evidence_moved'
	| 'proposal_accepted'
	| 'workshop_validation';

export type Changes = Record<string, [unknown, unknown]>;

export interface EventInput {
	findingId: string;
	actorUserId: string | null;
	action: FindingAction;
	detail: object;
	workshopId?: string | null;
}

export async function recordEvent(tx: Executor, event: EventInput, now = Date.now()): Promise<void> {
	await tx.insert(findingEvent).values({
		findingId: event.findingId,
		actorUserId: event.actorUserId,
		action: event.action,
		detail: JSON.stringify(event.detail),
		workshopId: event.workshopId ?? null,
		createdAt: now
	});
}

/** The fields that differ between `before` and `after`, as `{ field: [from, to] }`. */
export function diff<T extends object>(before: T, after: Partial<T>): Changes {
	const changes: Changes = {};
	for (const [key, to] of Object.entries(after)) {
		const from = (before as Record<string, unknown>)[key] ?? null;
		if ((to ?? null) !== from) changes[key] = [from, to ?? null];
	}
	return changes;
}

export interface HistoryEntry {
	id: number;
	action: string;
	detail: Record<string, unknown>;
	/** The actor's display name; null when the change came from no account or it was deleted. */
	actorName: string | null;
	workshopId: string | null;
	createdAt: number;
}

function parseDetail(json: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

/** A finding's history, oldest first. */
export async function listHistory(db: Executor, findingId: string): Promise<HistoryEntry[]> {
	const rows = await db
		.select({ event: findingEvent, actorName: user.displayName })
		.from(findingEvent)
		.leftJoin(user, eq(user.id, findingEvent.actorUserId))
		.where(eq(findingEvent.findingId, findingId))
		.orderBy(asc(findingEvent.id));
	return rows.map(({ event, actorName }) => ({
		id: event.id,
		action: event.action,
		detail: parseDetail(event.detail),
		actorName: actorName ?? null,
		workshopId: event.workshopId,
		createdAt: event.createdAt
	}));
}
