/**
 * Reacts to changes in participants' own documents: after a commit, the participant's notes are
 * handed to the contribution rules (coalesced per document, so a burst of edits is one pass).
 */
import { getDb } from '../../src/lib/server/db';
import { log } from '../../src/lib/server/logger';
import { acceptParticipantNotes } from '../../src/lib/server/live/contributions';
import { listNotes } from '../../src/lib/shared/doc-schema';
import { parseDocName } from '../../src/lib/shared/protocol';
import type { Room } from './room';

const COALESCE_MS = 20;
const queued = new Map<string, NodeJS.Timeout>();

/** Schedules the projection of a participant document's notes; other documents are ignored. */
export function onDocumentCommitted(room: Room): void {
	const doc = parseDocName(room.name);
	if (doc?.kind !== 'mine' || queued.has(room.name)) return;
	queued.set(
		room.name,
		setTimeout(() => {
			queued.delete(room.name);
			const notes = listNotes(room.doc).map((n) => ({ id: n.id, text: n.text, activityId: n.activityId }));
			acceptParticipantNotes(getDb(), doc.workshopId, doc.participantId, notes).catch((error: unknown) =>
				log.error('accepting participant notes failed', { doc: room.name, error })
			);
		}, COALESCE_MS)
	);
}
