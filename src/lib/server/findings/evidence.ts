/**
 * The evidence behind a finding: add, edit, remove and reorder, each with a history event.
 * Callers have already checked that the finding is in a cycle the actor may change.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { evidence, finding } from '../db/schema';
import { newId } from '../ids';
import { InputError, throwIfIssues } from '../input-error';
import { checkEvidence, normaliseEvidence, EVIDENCE_MAX_PER_FINDING, type EvidenceInput } from '../../shared/finding-rules';
import { diff, recordEvent } from './history';

export type EvidenceRow = typeof evidence.$inferSelect;

/** Normalises and checks an evidence item; throws InputError with codes per field. */
export function validEvidence(input: EvidenceInput): EvidenceInput {
	const clean = normaliseEvidence(input);
	throwIfIssues(checkEvidence(clean));
	return clean;
}

export async function listEvidence(db: Executor, findingId: string): Promise<EvidenceRow[]> {
	return db.select().from(evidence).where(eq(evidence.findingId, findingId)).orderBy(asc(evidence.position));
}

/** Inserts checked evidence at the end of the finding's list (no history: callers record it). */
export async function insertEvidence(tx: Executor, findingId: string, items: EvidenceInput[], now = Date.now()): Promise<void> {
	const [last] = await tx.select({ max: sql<number | null>`max(${evidence.position})` }).from(evidence).where(eq(evidence.findingId, findingId));
	let position = (last?.max ?? -1) + 1;
	for (const item of items) await tx.insert(evidence).values({ id: newId(), findingId, position: position++, ...item, createdAt: now });
}

async function touch(tx: Executor, findingId: string, now: number): Promise<void> {
	await tx.update(finding).set({ updatedAt: now }).where(eq(finding.id, findingId));
}

async function requireEvidence(tx: Executor, findingId: string, evidenceId: string): Promise<EvidenceRow> {
	const [row] = await tx.select().from(evidence).where(and(eq(evidence.id, evidenceId), eq(evidence.findingId, findingId))).limit(1);
	if (!row) throw new InputError({ evidence: 'evidence_not_found' });
	return row;
}

export async function addEvidence(db: Db, actorUserId: string, findingId: string, input: EvidenceInput): Promise<void> {
	const clean = validEvidence(input);
	await db.transaction(async (tx) => {
		if ((await listEvidence(tx, findingId)).length >= EVIDENCE_MAX_PER_FINDING) throw new InputError({ evidence: 'evidence_too_many' });
		const now = Date.now();
		await insertEvidence(tx, findingId, [clean], now);
		await touch(tx, findingId, now);
		await recordEvent(tx, { findingId, actorUserId, action: 'evidence_added', detail: { evidence: clean } }, now);
	});
}

export async function editEvidence(db: Db, actorUserId: string, findingId: string, evidenceId: string, input: EvidenceInput): Promise<void> {
	const clean = validEvidence(input);
	await db.transaction(async (tx) => {
		const before = await requireEvidence(tx, findingId, evidenceId);
		const changes = diff(before, clean);
		if (Object.keys(changes).length === 0) return;
		const now = Date.now();
		await tx.update(evidence).set(clean).where(eq(evidence.id, evidenceId));
		await touch(tx, findingId, now);
		await recordEvent(tx, { findingId, actorUserId, action: 'evidence_edited', detail: { kind: clean.kind, changes } }, now);
	});
}

export async function removeEvidence(db: Db, actorUserId: string, findingId: string, evidenceId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const { kind, text, source, date, holder, url } = await requireEvidence(tx, findingId, evidenceId);
		const now = Date.now();
		await tx.delete(evidence).where(eq(evidence.id, evidenceId));
		await touch(tx, findingId, now);
		await recordEvent(tx, { findingId, actorUserId, action: 'evidence_removed', detail: { evidence: { kind, text, source, date, holder, url } } }, now);
	});
}

/** Moves an item one place up or down; positions are renumbered 0..n-1. */
export async function moveEvidence(db: Db, actorUserId: string, findingId: string, evidenceId: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const items = await listEvidence(tx, findingId);
		const from = items.findIndex((e) => e.id === evidenceId);
		if (from < 0) throw new InputError({ evidence: 'evidence_not_found' });
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= items.length) return;
		const [moved] = items.splice(from, 1);
		items.splice(to, 0, moved!);
		for (const [i, e] of items.entries()) await tx.update(evidence).set({ position: i }).where(eq(evidence.id, e.id));
		const now = Date.now();
		await touch(tx, findingId, now);
		await recordEvent(tx, { findingId, actorUserId, action: 'evidence_moved', detail: { kind: moved!.kind, changes: { position: [from + 1, to + 1] } } }, now);
	});
}
