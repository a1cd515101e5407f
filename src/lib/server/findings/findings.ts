/**
 * Creating and changing findings. Every change is written together with its history event in
 * one transaction, so the history never misses or invents a change.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { finding } from '../db/schema';
import { newId } from '../ids';
import { InputError, throwIfIssues } from '../input-error';
import {
	canMoveStatus,
	checkFinding,
	isFindingStatus,
	normaliseFinding,
	type FindingInput,
	type FindingStatus
} from '../../shared/finding-rules';
import { diff, recordEvent } from './history';
import { itemInFramework } from './items';
import { nextFindingSeq } from './seq';
import type { CycleContext } from './cycle-access';

export type FindingRow = typeof finding.$inferSelect;

/** Stored form of the judgement fields: '' becomes null ("not set"). */
export function storedFields(input: FindingInput) {
	const orNull = (v: string) => (v === '' ? null : v);
	return {
		statement: input.statement,
		rating: orNull(input.rating),
		onPaper: orNull(input.onPaper),
		inPractice: orNull(input.inPractice),
		effect: orNull(input.effect),
		confidence: orNull(input.confidence)
	};
}

/** Normalises and checks a finding for `cycle`; throws InputError with codes per field. */
export function validFinding(cycle: CycleContext, input: FindingInput): FindingInput {
	const clean = normaliseFinding(input);
	throwIfIssues(checkFinding(clean, cycle.ratingScale.map((o) => o.key)));
	return clean;
}

/** The finding when it belongs to the cycle, else null. */
export async function findingInCycle(db: Executor, cycleId: string, findingId: string): Promise<FindingRow | null> {
	const [row] = await db.select().from(finding).where(and(eq(finding.id, findingId), eq(finding.cycleId, cycleId))).limit(1);
	return row ?? null;
}

async function requireFinding(db: Executor, cycleId: string, findingId: string): Promise<FindingRow> {
	const row = await findingInCycle(db, cycleId, findingId);
	if (!row) throw new InputError({ finding: 'finding_not_found' });
	return row;
}

export interface NewFinding extends FindingInput {
	nodeId: string;
}

/** Creates a draft finding by staff; returns its id. Throws InputError (item_unknown, field codes). */
export async function createFinding(db: Db, cycle: CycleContext, actorUserId: string, input: NewFinding): Promise<string> {
	const clean = validFinding(cycle, input);
	return db.transaction(async (tx) => {
		const item = await itemInFramework(tx, cycle.frameworkId, input.nodeId);
		if (!item) throw new InputError({ nodeId: 'item_unknown' });
		const id = newId();
		const now = Date.now();
		const fields = storedFields(clean);
		const seq = await nextFindingSeq(tx, cycle.id);
		await tx
			.insert(finding)
			.values({ id, cycleId: cycle.id, nodeId: item.id, ...fields, status: 'draft', origin: 'staff', seq, createdBy: actorUserId, createdAt: now, updatedAt: now });
		await recordEvent(tx, { findingId: id, actorUserId, action: 'created', detail: { itemCode: item.code, changes: diff({}, fields) } }, now);
		return id;
	});
}

/** Applies an edit; writes one `edited` event listing the changed fields (none when nothing changed). */
export async function updateFinding(db: Db, cycle: CycleContext, actorUserId: string, findingId: string, input: FindingInput): Promise<void> {
	const clean = validFinding(cycle, input);
	await db.transaction(async (tx) => {
		const before = await requireFinding(tx, cycle.id, findingId);
		const changes = diff(before, storedFields(clean));
		if (Object.keys(changes).length === 0) return;
		const now = Date.now();
		await tx.update(finding).set({ ...storedFields(clean), updatedAt: now }).where(eq(finding.id, findingId));
		await recordEvent(tx, { findingId, actorUserId, action: 'edited', detail: { changes } }, now);
	});
}

/** Moves a finding's validation status; throws InputError `status_not_allowed` for a move the rules forbid. */
export async function changeStatus(db: Db, cycle: CycleContext, actorUserId: string, findingId: string, to: string): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await requireFinding(tx, cycle.id, findingId);
		const from = before.status as FindingStatus;
		if (!isFindingStatus(to) || !isFindingStatus(from) || !canMoveStatus(from, to)) throw new InputError({ status: 'status_not_allowed' });
		const now = Date.now();
		await tx.update(finding).set({ status: to, updatedAt: now }).where(eq(finding.id, findingId));
		await recordEvent(tx, { findingId, actorUserId, action: 'status_changed', detail: { changes: { status: [from, to] } } }, now);
	});
}
