/**
 * What a control change means for the board: notes shown or hidden again, and notes written
 * during a lock taken in once it is lifted.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { participant } from '../db/schema';
import { listNotes } from '../../shared/doc-schema';
import { mineDocName } from '../../shared/protocol';
import { acceptParticipantNotes, renderActivity } from './contributions';
import type { StoredControl } from './control-read';
import { liveHub } from './hub';

/** Brings the board in line after the control state went from `before` to `after`. */
export async function afterControlChange(db: Db, workshopId: string, before: StoredControl, after: StoredControl): Promise<void> {
	const activities = new Set<string>();
	if (before.currentActivityId !== after.currentActivityId) {
		if (before.currentActivityId) activities.add(before.currentActivityId);
		if (after.currentActivityId) activities.add(after.currentActivityId);
	}
	if ((before.hiddenWriting !== after.hiddenWriting || before.revealed !== after.revealed) && after.currentActivityId) {
		activities.add(after.currentActivityId);
	}
	for (const id of activities) await renderActivity(db, workshopId, id);
	if (before.locked && !after.locked) await takeInEveryone(db, workshopId);
}

/** Re-reads every participant's own document, so what they wrote while locked is taken in. */
async function takeInEveryone(db: Db, workshopId: string): Promise<void> {
	const hub = liveHub();
	if (!hub) return;
	const people = await db
		.select({ id: participant.id })
		.from(participant)
		.where(and(eq(participant.workshopId, workshopId), isNull(participant.removedAt)))
		.orderBy(asc(participant.createdAt), asc(participant.id));
	for (const p of people) {
		const notes = await hub.readDoc(mineDocName(workshopId, p.id), (doc) => listNotes(doc).map((n) => ({ id: n.id, text: n.text, activityId: n.activityId })));
		await acceptParticipantNotes(db, workshopId, p.id, notes);
	}
}
