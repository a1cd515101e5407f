/**
 * Participants' notes, from their own documents to the board. The server records each accepted
 * note in `contribution`, then writes the board entry with only what may be seen: no text while
 * the activity's notes are hidden, no name unless the activity is named, no role group when it is
 * anonymous. Nothing is accepted while contributions are locked or when the current activity
 * does not take notes.
 */
import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, contribution, participant } from '../db/schema';
import { newId } from '../ids';
import { NOTE_MAX_LENGTH, acceptedOf, contributionsOf, type Contribution } from '../../shared/doc-schema';
import { docName, mineDocName } from '../../shared/protocol';
import { readStoredControl, type StoredControl } from './control-read';
import { liveHub } from './hub';

/** Activity types in which participants write notes. */
export const NOTE_ACTIVITY_TYPES = ['brainstorm'];

export interface OwnNote {
	id: string;
	text: string;
	/** The activity the device wrote it for; absent from older clients (taken as the current one). */
	activityId?: string;
}

type Row = typeof contribution.$inferSelect;

/** Takes a participant's current notes and brings the contribution record and the board in line. */
export async function acceptParticipantNotes(db: Db, workshopId: string, participantId: string, notes: OwnNote[], now = Date.now()): Promise<void> {
	const who = db
		.select({ removedAt: participant.removedAt })
		.from(participant)
		.where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId)))
		.get();
	if (!who || who.removedAt !== null) return;
	const control = readStoredControl(db, workshopId);
	if (control.locked) return;
	const current = control.currentActivityId
		? db.select({ id: activity.id, type: activity.type }).from(activity).where(eq(activity.id, control.currentActivityId)).get()
		: undefined;
	const accepting = current && NOTE_ACTIVITY_TYPES.includes(current.type) ? current.id : null;

	const rows = db.select().from(contribution).where(eq(contribution.participantId, participantId)).all();
	const byNote = new Map(rows.map((r) => [r.noteId, r]));
	const seen = new Set<string>();
	const changed: string[] = [];
	const removed: string[] = [];
	const acknowledged = new Map<string, string>();
	db.transaction((tx) => {
		for (const note of notes) {
			const text = note.text.trim().slice(0, NOTE_MAX_LENGTH);
			if (text === '' || note.id.length > 64) continue;
			seen.add(note.id);
			const row = byNote.get(note.id);
			if (!row) {
				// A note written for an activity that has ended (e.g. offline) is not moved into another one.
				if (!accepting || (note.activityId !== undefined && note.activityId !== accepting)) continue;
				const publicId = newId();
				tx.insert(contribution)
					.values({ publicId, workshopId, participantId, noteId: note.id, activityId: accepting, text, createdAt: now, updatedAt: now })
					.run();
				changed.push(publicId);
				acknowledged.set(note.id, note.text);
			} else if (row.removedAt === null && row.moderatedBy === null && row.text !== text && row.activityId === control.currentActivityId) {
				tx.update(contribution).set({ text, updatedAt: now }).where(eq(contribution.publicId, row.publicId)).run();
				changed.push(row.publicId);
				acknowledged.set(note.id, note.text);
			} else if (row.removedAt === null) {
				acknowledged.set(note.id, note.text);
			}
		}
		for (const row of rows) {
			// Notes of earlier activities stay as they were: only the current activity is open for changes.
			if (row.removedAt === null && !seen.has(row.noteId) && row.activityId === control.currentActivityId) {
				tx.update(contribution).set({ removedAt: now, updatedAt: now }).where(eq(contribution.publicId, row.publicId)).run();
				removed.push(row.publicId);
			}
		}
	});
	await renderContributions(db, workshopId, changed, removed);
	await acknowledge(workshopId, participantId, acknowledged);
}

/** Tells the participant's device which versions of its notes the server took in. */
async function acknowledge(workshopId: string, participantId: string, accepted: Map<string, string>): Promise<void> {
	const hub = liveHub();
	if (!hub) return;
	await hub.changeDoc(mineDocName(workshopId, participantId), (doc) => {
		const map = acceptedOf(doc);
		for (const [id, text] of accepted) if (map.get(id) !== text) map.set(id, text);
		for (const id of [...map.keys()]) if (!accepted.has(id)) map.delete(id);
	});
}

/** Rewrites the board entries of every note of an activity (after reveal, hide or moving on). */
export async function renderActivity(db: Db, workshopId: string, activityId: string): Promise<void> {
	const ids = db
		.select({ id: contribution.publicId })
		.from(contribution)
		.where(and(eq(contribution.workshopId, workshopId), eq(contribution.activityId, activityId), isNull(contribution.removedAt)))
		.all()
		.map((r) => r.id);
	await renderContributions(db, workshopId, ids, []);
}

/** What the board may show of one note. */
export function boardView(
	row: Pick<Row, 'activityId' | 'text' | 'createdAt' | 'groupLabel'>,
	who: { displayName: string | null; roleGroup: string | null },
	anonymity: string,
	control: StoredControl,
	merged = 0
): Contribution {
	const hidden = row.activityId === control.currentActivityId && control.hiddenWriting && !control.revealed;
	const view: Contribution = { activityId: row.activityId, createdAt: row.createdAt, hidden };
	if (!hidden) view.text = row.text;
	if (anonymity !== 'anonymous' && who.roleGroup) view.roleGroup = who.roleGroup;
	if (anonymity === 'named' && who.displayName) view.author = who.displayName;
	if (!hidden && row.groupLabel) view.group = row.groupLabel;
	if (merged > 0) view.merged = merged;
	return view;
}

/** Writes the board entries of `changed` notes (and the notes they were merged into) and drops `removed`. */
export async function renderContributions(db: Db, workshopId: string, changed: string[], removed: string[]): Promise<void> {
	const hub = liveHub();
	if (!hub || (changed.length === 0 && removed.length === 0)) return;
	const control = readStoredControl(db, workshopId);
	const rows =
		changed.length === 0
			? []
			: db
					.select({
						publicId: contribution.publicId,
						activityId: contribution.activityId,
						text: contribution.text,
						createdAt: contribution.createdAt,
						groupLabel: contribution.groupLabel,
						mergedInto: contribution.mergedInto,
						removedAt: contribution.removedAt,
						onBehalfRoleGroup: contribution.onBehalfRoleGroup,
						displayName: participant.displayName,
						roleGroup: participant.roleGroup,
						anonymity: activity.anonymity
					})
					.from(contribution)
					.leftJoin(participant, eq(participant.id, contribution.participantId))
					.innerJoin(activity, eq(activity.id, contribution.activityId))
					.where(inArray(contribution.publicId, changed))
					.all();
	const mergedCounts = new Map(
		db
			.select({ into: contribution.mergedInto, n: count() })
			.from(contribution)
			.where(and(eq(contribution.workshopId, workshopId), isNull(contribution.removedAt), isNotNull(contribution.mergedInto)))
			.groupBy(contribution.mergedInto)
			.all()
			.map((r) => [r.into!, r.n])
	);
	await hub.changeDoc(docName('board', workshopId), (doc) => {
		const map = contributionsOf(doc);
		for (const r of rows) {
			if (r.removedAt !== null || r.mergedInto !== null) {
				map.delete(r.publicId);
				continue;
			}
			const who = { displayName: r.displayName, roleGroup: r.roleGroup ?? r.onBehalfRoleGroup };
			const view = boardView(r, who, r.anonymity, control, mergedCounts.get(r.publicId) ?? 0);
			if (JSON.stringify(map.get(r.publicId)) !== JSON.stringify(view)) map.set(r.publicId, view);
		}
		for (const id of removed) map.delete(id);
	});
}
