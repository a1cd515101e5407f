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
	// Read and written in one transaction: two instances (or a retry) taking in the same notes
	// must not record a note twice or miss an edit made between the read and the write.
	const outcome = await db.transaction(async (tx) => {
		const changed: string[] = [];
		const removed: string[] = [];
		const acknowledged = new Map<string, string>();
		const [who] = await tx
			.select({ removedAt: participant.removedAt })
			.from(participant)
			.where(and(eq(participant.id, participantId), eq(participant.workshopId, workshopId)))
			.limit(1);
		if (!who || who.removedAt !== null) return null;
		const control = await readStoredControl(tx, workshopId);
		if (control.locked) return null;
		const [current] = control.currentActivityId
			? await tx.select({ id: activity.id, type: activity.type }).from(activity).where(eq(activity.id, control.currentActivityId)).limit(1)
			: [];
		const accepting = current && NOTE_ACTIVITY_TYPES.includes(current.type) ? current.id : null;

		const rows = await tx.select().from(contribution).where(eq(contribution.participantId, participantId));
		const byNote = new Map(rows.map((r) => [r.noteId, r]));
		const seen = new Set<string>();
		for (const note of notes) {
			const text = note.text.trim().slice(0, NOTE_MAX_LENGTH);
			if (text === '' || note.id.length > 64) continue;
			seen.add(note.id);
			const row = byNote.get(note.id);
			if (!row) {
				// A note written for an activity that has ended (e.g. offline) is not moved into another one.
				if (!accepting || (note.activityId !== undefined && note.activityId !== accepting)) continue;
				const publicId = newId();
				await tx.insert(contribution).values({ publicId, workshopId, participantId, noteId: note.id, activityId: accepting, text, createdAt: now, updatedAt: now });
				changed.push(publicId);
				acknowledged.set(note.id, note.text);
			} else if (row.removedAt === null && row.moderatedBy === null && row.text !== text && row.activityId === control.currentActivityId) {
				await tx.update(contribution).set({ text, updatedAt: now }).where(eq(contribution.publicId, row.publicId));
				changed.push(row.publicId);
				acknowledged.set(note.id, note.text);
			} else if (row.removedAt === null) {
				acknowledged.set(note.id, note.text);
			}
		}
		for (const row of rows) {
			// Notes of earlier activities stay as they were: only the current activity is open for changes.
			if (row.removedAt === null && !seen.has(row.noteId) && row.activityId === control.currentActivityId) {
				await tx.update(contribution).set({ removedAt: now, updatedAt: now }).where(eq(contribution.publicId, row.publicId));
				removed.push(row.publicId);
			}
		}
		return { changed, removed, acknowledged };
	});
	if (!outcome) return;
	await renderContributions(db, workshopId, outcome.changed, outcome.removed);
	await acknowledge(workshopId, participantId, outcome.acknowledged);
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
	const rows = await db
		.select({ id: contribution.publicId })
		.from(contribution)
		.where(and(eq(contribution.workshopId, workshopId), eq(contribution.activityId, activityId), isNull(contribution.removedAt)));
	await renderContributions(
		db,
		workshopId,
		rows.map((r) => r.id),
		[]
	);
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
	// Read under the board's write lock: of two renderings of a note, the later reading stays.
	await hub.publishDoc(docName('board', workshopId), async () => {
		const control = await readStoredControl(db, workshopId);
		const rows =
			changed.length === 0
				? []
				: await db
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
						.where(inArray(contribution.publicId, changed));
		const merged = await db
			.select({ into: contribution.mergedInto, n: count() })
			.from(contribution)
			.where(and(eq(contribution.workshopId, workshopId), isNull(contribution.removedAt), isNotNull(contribution.mergedInto)))
			.groupBy(contribution.mergedInto);
		const mergedCounts = new Map(merged.map((r) => [r.into!, r.n]));
		return (doc) => {
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
		};
	});
}
