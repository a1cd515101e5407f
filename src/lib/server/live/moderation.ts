/**
 * What facilitators do with notes during a live activity: add one on behalf of someone without a
 * device, correct one, group notes under a label, merge duplicates. Only owners and facilitators
 * of the workshop's organisation may; every change goes through the contribution record, so the
 * board never holds anything the record does not.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, contribution } from '../db/schema';
import { workshopRole, managesWorkshops } from '../access';
import { newId } from '../ids';
import { NOTE_MAX_LENGTH } from '../../shared/doc-schema';
import { readStoredControl } from './control-read';
import { NOTE_ACTIVITY_TYPES, renderContributions } from './contributions';

export const GROUP_LABEL_MAX = 60;

export class ModerationError extends Error {
	constructor(readonly code: 'forbidden' | 'not_found' | 'empty' | 'no_brainstorm' | 'bad_merge' | 'bad_role_group') {
		super(code);
		this.name = 'ModerationError';
	}
}

export type ModerationOp =
	| { op: 'add'; text: string; roleGroup: string }
	| { op: 'edit'; id: string; text: string }
	| { op: 'group'; id: string; label: string }
	| { op: 'merge'; id: string; into: string };

function cleanText(text: string): string {
	const t = text.trim().slice(0, NOTE_MAX_LENGTH);
	if (t === '') throw new ModerationError('empty');
	return t;
}

/** Applies one moderation step and updates the board. */
export async function moderate(db: Db, actorUserId: string, workshopId: string, step: ModerationOp, roleGroups: string[], now = Date.now()): Promise<void> {
	const role = workshopRole(db, actorUserId, workshopId);
	if (!managesWorkshops(role)) throw new ModerationError('forbidden');
	const find = (id: string) => {
		const row = db
			.select()
			.from(contribution)
			.where(and(eq(contribution.publicId, id), eq(contribution.workshopId, workshopId), isNull(contribution.removedAt)))
			.get();
		if (!row) throw new ModerationError('not_found');
		return row;
	};
	const changed: string[] = [];
	switch (step.op) {
		case 'add': {
			if (!roleGroups.includes(step.roleGroup)) throw new ModerationError('bad_role_group');
			const control = readStoredControl(db, workshopId);
			const current = control.currentActivityId
				? db.select({ type: activity.type }).from(activity).where(eq(activity.id, control.currentActivityId)).get()
				: undefined;
			if (!current || !NOTE_ACTIVITY_TYPES.includes(current.type)) throw new ModerationError('no_brainstorm');
			const publicId = newId();
			db.insert(contribution)
				.values({
					publicId,
					workshopId,
					participantId: null,
					noteId: publicId,
					activityId: control.currentActivityId!,
					text: cleanText(step.text),
					onBehalfRoleGroup: step.roleGroup,
					moderatedBy: actorUserId,
					createdAt: now,
					updatedAt: now
				})
				.run();
			changed.push(publicId);
			break;
		}
		case 'edit': {
			find(step.id);
			db.update(contribution).set({ text: cleanText(step.text), moderatedBy: actorUserId, updatedAt: now }).where(eq(contribution.publicId, step.id)).run();
			changed.push(step.id);
			break;
		}
		case 'group': {
			find(step.id);
			const label = step.label.trim().slice(0, GROUP_LABEL_MAX) || null;
			db.update(contribution).set({ groupLabel: label, updatedAt: now }).where(eq(contribution.publicId, step.id)).run();
			changed.push(step.id);
			break;
		}
		case 'merge': {
			const from = find(step.id);
			const into = find(step.into);
			if (from.publicId === into.publicId || from.activityId !== into.activityId || into.mergedInto !== null) throw new ModerationError('bad_merge');
			db.transaction((tx) => {
				// Notes already merged into `from` follow it, so nothing points at a hidden note.
				tx.update(contribution).set({ mergedInto: into.publicId, updatedAt: now }).where(eq(contribution.mergedInto, from.publicId)).run();
				tx.update(contribution).set({ mergedInto: into.publicId, updatedAt: now }).where(eq(contribution.publicId, from.publicId)).run();
			});
			changed.push(from.publicId, into.publicId);
			break;
		}
	}
	await renderContributions(db, workshopId, changed, []);
}
