/**
 * Assessment cycles of an organisation: one run of the self-assessment on one of its frameworks,
 * over a period, with a purpose shown to participants and a rating scale. Coordinators create
 * and edit them; members read. Changes are audited.
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { assessmentCycle, finding } from './db/schema';
import { newId } from './ids';
import { writeAudit } from './audit';
import { InputError, throwIfIssues } from './input-error';
import { AssessmentAccessError, requireCoordinator } from './frameworks/org-access';
import { getFramework } from './frameworks/read';
import { checkCycleInput, type CleanCycle, type CycleInput } from '../shared/cycle-rules';
import { parseRatingScale, type RatingOption } from '../shared/rating-scale';

export type { CycleInput } from '../shared/cycle-rules';

/** What callers outside the forms (demo, other modules) pass: name and framework, the rest optional. */
export type NewCycleInput = Pick<CycleInput, 'name' | 'frameworkId'> & Partial<CycleInput>;

export interface Cycle {
	id: string;
	organisationId: string;
	frameworkId: string;
	name: string;
	periodStart: string | null;
	periodEnd: string | null;
	purpose: string;
	/** The scale in use (the default scale when none was set). */
	ratingScale: RatingOption[];
	/** True when the cycle set its own labels. */
	customScale: boolean;
	createdAt: number;
	updatedAt: number;
}

function toCycle(row: typeof assessmentCycle.$inferSelect): Cycle {
	const stored = parseRatingScale(row.ratingScale);
	return { ...row, ratingScale: stored, customScale: stored.some((o) => o.label !== '') };
}

/** The organisation's cycles, newest period first (cycles without a start date last). */
export async function listCycles(db: Executor, organisationId: string): Promise<Cycle[]> {
	const rows = await db
		.select()
		.from(assessmentCycle)
		.where(eq(assessmentCycle.organisationId, organisationId))
		.orderBy(sql`${assessmentCycle.periodStart} is null`, desc(assessmentCycle.periodStart), desc(assessmentCycle.createdAt), asc(assessmentCycle.id));
	return rows.map(toCycle);
}

/** The cycle when it belongs to the organisation, else null. */
export async function getCycle(db: Executor, organisationId: string, cycleId: string): Promise<Cycle | null> {
	const [row] = await db.select().from(assessmentCycle).where(and(eq(assessmentCycle.id, cycleId), eq(assessmentCycle.organisationId, organisationId))).limit(1);
	return row ? toCycle(row) : null;
}

/** Checks the input (missing fields are empty, the scale the default); the framework must be the organisation's. */
async function checked(db: Executor, organisationId: string, input: NewCycleInput): Promise<CleanCycle> {
	const { value, issues } = checkCycleInput({ periodStart: '', periodEnd: '', purpose: '', scale: 'default', scaleLabels: '', ...input });
	if (!issues.frameworkId && !(await getFramework(db, organisationId, value.frameworkId))) issues.frameworkId = 'framework_unknown';
	throwIfIssues(issues);
	return value;
}

function columns(value: CleanCycle) {
	const { ratingScale, ...rest } = value;
	return { ...rest, ratingScale: JSON.stringify(ratingScale) };
}

/** Creates a cycle (coordinators only); throws InputError per field on bad input. */
export async function createCycle(db: Db, actorUserId: string, organisationId: string, input: NewCycleInput): Promise<Cycle> {
	return db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, organisationId);
		const value = await checked(tx, organisationId, input);
		const now = Date.now();
		const row = { id: newId(), organisationId, ...columns(value), createdAt: now, updatedAt: now };
		await tx.insert(assessmentCycle).values(row);
		await writeAudit(tx, { action: 'cycle.create', organisationId, actorUserId, subject: row.id }, now);
		return toCycle(row);
	});
}

/**
 * Edits a cycle's settings. Once findings exist the framework can no longer change (their items
 * belong to it): InputError `framework_locked`; nor can the scale lose a rating a finding has:
 * `scale_in_use`.
 */
export async function updateCycle(db: Db, actorUserId: string, organisationId: string, cycleId: string, input: NewCycleInput): Promise<Cycle> {
	return db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, organisationId);
		const current = await getCycle(tx, organisationId, cycleId);
		if (!current) throw new AssessmentAccessError('not_found');
		const value = await checked(tx, organisationId, input);
		if (value.frameworkId !== current.frameworkId && (await hasFindings(tx, cycleId))) throw new InputError({ frameworkId: 'framework_locked' });
		const keys = new Set(parseRatingScale(JSON.stringify(value.ratingScale)).map((o) => o.key));
		const lost = (await usedRatings(tx, cycleId)).filter((k) => !keys.has(k));
		if (lost.length > 0) throw new InputError({ [input.scale === 'custom' ? 'scaleLabels' : 'scale']: 'scale_in_use' });
		const now = Date.now();
		await tx.update(assessmentCycle).set({ ...columns(value), updatedAt: now }).where(eq(assessmentCycle.id, cycleId));
		await writeAudit(tx, { action: 'cycle.update', organisationId, actorUserId, subject: cycleId }, now);
		return (await getCycle(tx, organisationId, cycleId))!;
	});
}

/** True when at least one finding belongs to the cycle. */
export async function hasFindings(db: Executor, cycleId: string): Promise<boolean> {
	const [row] = await db.select({ id: finding.id }).from(finding).where(eq(finding.cycleId, cycleId)).limit(1);
	return !!row;
}

/** The rating keys the cycle's findings use. */
async function usedRatings(db: Executor, cycleId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ rating: finding.rating })
		.from(finding)
		.where(and(eq(finding.cycleId, cycleId), isNotNull(finding.rating)));
	return rows.map((r) => r.rating!);
}

/** The form values that show a cycle's current settings. */
export function cycleFormValues(cycle: Cycle): CycleInput {
	return {
		name: cycle.name,
		periodStart: cycle.periodStart ?? '',
		periodEnd: cycle.periodEnd ?? '',
		purpose: cycle.purpose,
		frameworkId: cycle.frameworkId,
		scale: cycle.customScale ? 'custom' : 'default',
		scaleLabels: cycle.customScale ? cycle.ratingScale.map((o) => o.label).join('\n') : ''
	};
}
