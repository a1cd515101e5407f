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
	const role = await workshopRole(db, actorUserId, workshopId);
	if (!managesWorkshops(role)) throw new ModerationError('forbidden');
	const changed = await db.transaction(async (tx) => {
		const find = async (id: string) => {
			const [row] = await tx
				.select()
				.from(contribution)
				.where(and(eq(contribution.publicId, id), eq(contribution.workshopId, workshopId), isNull(contribution.removedAt)))
				.limit(1);
			if (!row) throw new ModerationError('not_found');
			return row;
		};
		switch (step.op) {
			case 'add': {
				if (!roleGroups.includes(step.roleGroup)) throw new ModerationError('bad_role_group');
				const control = await readStoredControl(tx, workshopId);
				const [current] = control.currentActivityId
					? await tx.select({ type: activity.type }).from(activity).where(eq(activity.id, control.currentActivityId)).limit(1)
					: [];
				if (!current || !NOTE_ACTIVITY_TYPES.includes(current.type)) throw new ModerationError('no_brainstorm');
				const publicId = newId();
				await tx.insert(contribution).values({
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
				});
				return [publicId];
			}
			case 'edit': {
				await find(step.id);
				await tx.update(contribution).set({ text: cleanText(step.text), moderatedBy: actorUserId, updatedAt: now }).where(eq(contribution.publicId, step.id));
				return [step.id];
			}
			case 'group': {
				await find(step.id);
				const label = step.label.trim().slice(0, GROUP_LABEL_MAX) || null;
				await tx.update(contribution).set({ groupLabel: label, updatedAt: now }).where(eq(contribution.publicId, step.id));
				return [step.id];
			}
			case 'merge': {
				const from = await find(step.id);
				const into = await find(step.into);
				if (from.publicId === into.publicId || from.activityId !== into.activityId || into.mergedInto !== null) throw new ModerationError('bad_merge');
				// Notes already merged into `from` follow it, so nothing points at a hidden note.
				await tx.update(contribution).set({ mergedInto: into.publicId, updatedAt: now }).where(eq(contribution.mergedInto, from.publicId));
				await tx.update(contribution).set({ mergedInto: into.publicId, updatedAt: now }).where(eq(contribution.publicId, from.publicId));
				return [from.publicId, into.publicId];
			}
		}
	});
	await renderContributions(db, workshopId, changed, []);
}
