/**
 * The history of a register entry: one `action_update` per change, with what changed
 * (`{ field: [from, to] }`), the note, who made it and when. Anyone who may read the entry reads it.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { actionUpdate, user } from '../db/schema';

export type Changes = Record<string, [unknown, unknown]>;

export interface UpdateInput {
	entryId: string;
	actorUserId: string | null;
	changes: Changes;
	note?: string;
}

export async function recordUpdate(tx: Executor, input: UpdateInput, now = Date.now()): Promise<void> {
	await tx.insert(actionUpdate).values({ entryId: input.entryId, actorUserId: input.actorUserId, changes: JSON.stringify(input.changes), note: input.note ?? '', createdAt: now });
}

/** The fields of `after` whose value differs from `before`, as [from, to]. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
	const changes: Changes = {};
	for (const [key, value] of Object.entries(after)) {
		const old = before[key] ?? null;
		if (old !== value) changes[key] = [old, value];
	}
	return changes;
}

export interface HistoryEntry {
	id: number;
	changes: Changes;
	note: string;
	actorName: string | null;
	createdAt: number;
}

/** The entry's history, oldest first. */
export async function entryHistory(db: Executor, entryId: string): Promise<HistoryEntry[]> {
	const rows = await db
		.select({ u: actionUpdate, actorName: user.displayName })
		.from(actionUpdate)
		.leftJoin(user, eq(user.id, actionUpdate.actorUserId))
		.where(eq(actionUpdate.entryId, entryId))
		.orderBy(asc(actionUpdate.id));
	return rows.map(({ u, actorName }) => ({ id: u.id, changes: JSON.parse(u.changes) as Changes, note: u.note, actorName, createdAt: u.createdAt }));
}
