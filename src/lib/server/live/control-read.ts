/** Reading a workshop's stored control state and agenda order (no side effects). */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { activity, workshopControl } from '../db/schema';
import type { ControlRow } from './commands';

export interface StoredControl extends ControlRow {
	version: number;
}

const DEFAULT: StoredControl = {
	currentActivityId: null,
	focus: true,
	locked: false,
	hiddenWriting: false,
	revealed: true,
	timerEndsAt: null,
	timerRemainingMs: null,
	version: 0
};

/** The stored control state, or the defaults before the first command. */
export async function readStoredControl(db: Executor, workshopId: string): Promise<StoredControl> {
	const [row] = await db.select().from(workshopControl).where(eq(workshopControl.workshopId, workshopId)).limit(1);
	if (!row) return { ...DEFAULT };
	return {
		currentActivityId: row.currentActivityId,
		focus: row.focus,
		locked: row.locked,
		hiddenWriting: row.hiddenWriting,
		revealed: row.revealed,
		timerEndsAt: row.timerEndsAt,
		timerRemainingMs: row.timerRemainingMs,
		version: row.version
	};
}

/** Activity ids of the agenda in order. */
export async function agendaIds(db: Executor, workshopId: string): Promise<string[]> {
	const rows = await db.select({ id: activity.id }).from(activity).where(eq(activity.workshopId, workshopId)).orderBy(asc(activity.position), asc(activity.id));
	return rows.map((r) => r.id);
}
