/**
 * Recording action points into the register and changing them. Recording is idempotent on
 * (organisation, sourceKey): a repeat returns the entry already there and writes nothing. Every
 * change is written together with its dated update (and audit event) in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, assessmentCycle, workshop } from '../db/schema';
import { newId, newToken } from '../ids';
import { InputError, throwIfIssues } from '../input-error';
import { writeAudit } from '../audit';
import { checkAction, normaliseAction, type ActionInput } from '../../shared/action-rules';
import { registerEditor } from './access';
import { diff, recordUpdate } from './history';
import { refreshReviewActions } from '../live/review-actions-refresh';

export type EntryRow = typeof actionRegisterEntry.$inferSelect;

export interface RecordInput extends ActionInput {
	/** What is recorded, e.g. `<workshopId>:<actionPointId>`, or `manual:<random>` for a hand-added entry. */
	sourceKey: string;
	cycleId?: string | null;
	workshopId?: string | null;
	/** The validation outcome when recorded (stored as given, as JSON). */
	validation?: unknown;
	/** The drafted action point recorded from the workshop, when recorded from one (named in the audit event). */
	actionPointId?: string | null;
}

export const SOURCE_KEY_MAX = 200;

/** A fresh source key for an entry added by hand (given to the form, so a double submit records once). */
export function manualSourceKey(): string {
	return `manual:${newToken()}`;
}

/** Stored form of the describing fields. */
function storedFields(input: ActionInput) {
	return {
		title: input.title,
		description: input.description,
		type: input.type,
		horizon: input.horizon,
		department: input.department,
		ownerName: input.ownerName,
		target: input.target,
		indicators: JSON.stringify(input.indicators),
		deadline: input.deadline === '' ? null : input.deadline,
		resources: input.resources,
		competence: input.competence,
		affectedGroups: input.affectedGroups
	};
}

/** The entry when it belongs to the organisation, else null. */
export async function entryInOrg(db: Executor, organisationId: string, entryId: string): Promise<EntryRow | null> {
	const [row] = await db.select().from(actionRegisterEntry).where(and(eq(actionRegisterEntry.id, entryId), eq(actionRegisterEntry.organisationId, organisationId))).limit(1);
	return row ?? null;
}

export async function requireEntry(db: Executor, organisationId: string, entryId: string): Promise<EntryRow> {
	const row = await entryInOrg(db, organisationId, entryId);
	if (!row) throw new InputError({ entry: 'entry_not_found' });
	return row;
}

/** Checks that the cycle and workshop, when given, belong to the organisation. */
async function checkLinks(tx: Executor, organisationId: string, input: RecordInput): Promise<void> {
	const cycleOk = !input.cycleId || (await tx.select({ id: assessmentCycle.id }).from(assessmentCycle).where(and(eq(assessmentCycle.id, input.cycleId), eq(assessmentCycle.organisationId, organisationId))).limit(1)).length > 0;
	const workshopOk = !input.workshopId || (await tx.select({ id: workshop.id }).from(workshop).where(and(eq(workshop.id, input.workshopId), eq(workshop.organisationId, organisationId))).limit(1)).length > 0;
	throwIfIssues({ cycleId: cycleOk ? null : 'cycle_unknown', workshopId: workshopOk ? null : 'workshop_unknown' });
}

export interface Recorded {
	entry: EntryRow;
	/** False when the source key was recorded before (nothing was written). */
	created: boolean;
}

/**
 * Records an action point (or a hand-added entry) into the organisation's register. Throws
 * RegisterAccessError for non-coordinators, InputError for bad fields.
 */
export async function recordAction(db: Db, actorUserId: string, organisationId: string, input: RecordInput): Promise<Recorded> {
	const clean = normaliseAction(input);
	const sourceKey = input.sourceKey.trim();
	throwIfIssues({ ...checkAction(clean), sourceKey: sourceKey === '' || sourceKey.length > SOURCE_KEY_MAX ? 'source_key_invalid' : null });
	const recorded = await db.transaction(async (tx): Promise<Recorded> => {
		await registerEditor(tx, actorUserId, organisationId);
		await checkLinks(tx, organisationId, input);
		const now = Date.now();
		const [inserted] = await tx
			.insert(actionRegisterEntry)
			.values({
				id: newId(),
				organisationId,
				cycleId: input.cycleId || null,
				workshopId: input.workshopId || null,
				sourceKey,
				...storedFields(clean),
				validation: JSON.stringify(input.validation ?? {}),
				recordedBy: actorUserId,
				recordedAt: now,
				updatedAt: now
			})
			.onConflictDoNothing({ target: [actionRegisterEntry.organisationId, actionRegisterEntry.sourceKey] })
			.returning();
		if (!inserted) {
			const [existing] = await tx.select().from(actionRegisterEntry).where(and(eq(actionRegisterEntry.organisationId, organisationId), eq(actionRegisterEntry.sourceKey, sourceKey))).limit(1);
			if (!existing) throw new Error('register entry vanished after a conflicting insert');
			return { entry: existing, created: false };
		}
		await recordUpdate(tx, { entryId: inserted.id, actorUserId, changes: { recorded: [null, inserted.workshopId ? 'workshop' : 'manual'] } }, now);
		await writeAudit(tx, { action: 'action_register.record', organisationId, actorUserId, subject: inserted.id, detail: JSON.stringify({ sourceKey, from: input.actionPointId ? 'workshop' : 'manual', workshopId: inserted.workshopId, actionPointId: input.actionPointId || null, cycleId: inserted.cycleId }) }, now);
		return { entry: inserted, created: true };
	});
	if (recorded.created) void refreshReviewActions(db, organisationId);
	return recorded;
}

/** Edits the describing fields; one update listing what changed (nothing when nothing changed). */
export async function updateEntry(db: Db, actorUserId: string, organisationId: string, entryId: string, input: ActionInput): Promise<void> {
	const clean = normaliseAction(input);
	throwIfIssues(checkAction(clean));
	const changed = await db.transaction(async (tx) => {
		await registerEditor(tx, actorUserId, organisationId);
		const before = await requireEntry(tx, organisationId, entryId);
		const fields = storedFields(clean);
		const changes = diff(before, fields);
		if (Object.keys(changes).length === 0) return false;
		const now = Date.now();
		await tx.update(actionRegisterEntry).set({ ...fields, updatedAt: now }).where(eq(actionRegisterEntry.id, entryId));
		await recordUpdate(tx, { entryId, actorUserId, changes }, now);
		await writeAudit(tx, { action: 'action_register.edit', organisationId, actorUserId, subject: entryId, detail: JSON.stringify({ fields: Object.keys(changes) }) }, now);
		return true;
	});
	if (changed) void refreshReviewActions(db, organisationId);
}

