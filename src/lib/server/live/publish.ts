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
export async function controlSnapshot(db: Db, workshopId: string, now = Date.now()): Promise<{ state: ControlState; agenda: AgendaItem[] }> {
	const row = await readStoredControl(db, workshopId);
	const [ws] = await db.select({ joiningOpen: workshop.joiningOpen }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
	const agenda = await db
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
		.orderBy(asc(activity.position), asc(activity.id));
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
	// Read under the control document's write lock: of two publications, the later reading stays.
	await hub.publishDoc(docName('control', workshopId), async () => {
		const { state, agenda } = await controlSnapshot(db, workshopId);
		const votes = await voteControlWriter(db, workshopId);
		const cases = await caseControlWriter(db, workshopId);
		const reviews = await reviewActionsControlWriter(db, workshopId);
		return (doc) => {
			writeControl(doc, state, agenda);
			votes(doc);
			cases(doc);
			reviews(doc);
		};
	});
}
