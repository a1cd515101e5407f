/**
 * Publishing a workshop's server-decided state (agenda, current activity, timer, lock, reveal)
 * into its read-only control document. Call after any change to the agenda or the control state.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, workshop } from '../db/schema';
import { docName } from '../../shared/protocol';
import { writeControl, type AgendaItem, type ControlState } from '../../shared/control-schema';
import { liveHub } from './hub';
import { readStoredControl } from './control-read';
import { voteControlWriter } from './vote-publish';
import { caseControlWriter } from './case-publish';
import { reviewActionsControlWriter } from './review-actions-publish';

/** What the control document should say now, from the database. */
export function controlSnapshot(db: Db, workshopId: string, now = Date.now()): { state: ControlState; agenda: AgendaItem[] } {
	const row = readStoredControl(db, workshopId);
	const ws = db.select({ joiningOpen: workshop.joiningOpen }).from(workshop).where(eq(workshop.id, workshopId)).get();
	const agenda = db
		.select({
			id: activity.id,
			type: activity.type,
			title: activity.title,
			prompt: activity.prompt,
			plainPrompt: activity.plainPrompt,
			plannedMinutes: activity.plannedMinutes,
			anonymity: activity.anonymity,
			ref: activity.refId
		})
		.from(activity)
		.where(eq(activity.workshopId, workshopId))
		.orderBy(asc(activity.position))
		.all();
	const state: ControlState = {
		version: row.version,
		currentActivityId: row.currentActivityId,
		focus: row.focus,
		locked: row.locked,
		hiddenWriting: row.hiddenWriting,
		revealed: row.revealed,
		timer: { endsAt: row.timerEndsAt, remainingMs: row.timerRemainingMs },
		joiningOpen: ws?.joiningOpen ?? false,
		publishedAt: now
	};
	return { state, agenda };
}

/** Writes the current state into `control.<workshopId>`; a no-op where no sync server runs. */
export async function publishWorkshop(db: Db, workshopId: string): Promise<void> {
	const hub = liveHub();
	if (!hub) return;
	const { state, agenda } = controlSnapshot(db, workshopId);
	const votes = voteControlWriter(db, workshopId);
	const cases = caseControlWriter(db, workshopId);
	const reviews = reviewActionsControlWriter(db, workshopId);
	await hub.changeDoc(docName('control', workshopId), (doc) => {
		writeControl(doc, state, agenda);
		votes(doc);
		cases(doc);
		reviews(doc);
	});
}
