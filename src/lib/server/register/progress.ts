/**
 * A dated progress update of a register entry: a status move (stuck and dropped need a reason),
 * the progress percentage and a note. Written with its history row and audit event in one
 * transaction; an update that changes nothing and says nothing is refused.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionRegisterEntry } from '../db/schema';
import { InputError, throwIfIssues } from '../input-error';
import { writeAudit } from '../audit';
import { checkProgress, isActionStatus, parseProgress, REASON_REQUIRED, type ActionStatus, type ProgressInput } from '../../shared/action-rules';
import { registerEditor } from './access';
import { requireEntry } from './entries';
import { diff, recordUpdate } from './history';
import { refreshReviewActions } from '../live/review-actions-refresh';

export async function updateProgress(db: Db, actorUserId: string, organisationId: string, entryId: string, input: ProgressInput, now = Date.now()): Promise<void> {
	await db.transaction(async (tx) => {
		await registerEditor(tx, actorUserId, organisationId);
		const before = await requireEntry(tx, organisationId, entryId);
		const from: ActionStatus = isActionStatus(before.status) ? before.status : 'planned';
		throwIfIssues(checkProgress(from, input));
		const to = input.status.trim() as ActionStatus;
		const reason = input.reason.trim();
		const after = {
			status: to,
			// A reason belongs to stuck and dropped; moving on clears it, staying keeps or replaces it.
			statusReason: REASON_REQUIRED.includes(to) ? reason || (to === from ? before.statusReason : '') : '',
			progress: parseProgress(input.progress) ?? before.progress
		};
		const changes = diff(before, after);
		const note = input.note.trim();
		if (Object.keys(changes).length === 0 && note === '') throw new InputError({ note: 'nothing_changed' });
		await tx.update(actionRegisterEntry).set({ ...after, updatedAt: now }).where(eq(actionRegisterEntry.id, entryId));
		await recordUpdate(tx, { entryId, actorUserId, changes, note }, now);
		await writeAudit(tx, { action: 'action_register.progress', organisationId, actorUserId, subject: entryId, detail: JSON.stringify({ fields: Object.keys(changes) }) }, now);
	});
	void refreshReviewActions(db, organisationId);
}
