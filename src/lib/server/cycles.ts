/**
 * Assessment cycles of an organisation: one run of the self-assessment on one of its frameworks,
 * over a period, with a purpose shown to participants and a rating scale. Coordinators create
 * and edit them; members read. Changes are audited.
 */
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
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

/** The organisation's cycles, newest period first. */
export function listCycles(db: Executor, organisationId: string): Cycle[] {
	return db
		.select()
		.from(assessmentCycle)
		.where(eq(assessmentCycle.organisationId, organisationId))
		.orderBy(desc(assessmentCycle.periodStart), desc(assessmentCycle.createdAt), asc(assessmentCycle.id))
		.all()
		.map(toCycle);
}

/** The cycle when it belongs to the organisation, else null. */
export function getCycle(db: Executor, organisationId: string, cycleId: string): Cycle | null {
	const row = db.select().from(assessmentCycle).where(and(eq(assessmentCycle.id, cycleId), eq(assessmentCycle.organisationId, organisationId))).get();
	return row ? toCycle(row) : null;
}

/** Checks the input (missing fields are empty, the scale the default); the framework must be the organisation's. */
function checked(db: Executor, organisationId: string, input: NewCycleInput): CleanCycle {
	const { value, issues } = checkCycleInput({ periodStart: '', periodEnd: '', purpose: '', scale: 'default', scaleLabels: '', ...input });
	if (!issues.frameworkId && !getFramework(db, organisationId, value.frameworkId)) issues.frameworkId = 'framework_unknown';
	throwIfIssues(issues);
	return value;
}

function columns(value: CleanCycle) {
	const { ratingScale, ...rest } = value;
	return { ...rest, ratingScale: JSON.stringify(ratingScale) };
}

/** Creates a cycle (coordinators only); throws InputError per field on bad input. */
export function createCycle(db: Db, actorUserId: string, organisationId: string, input: NewCycleInput): Cycle {
	return db.transaction(
		(tx) => {
			requireCoordinator(tx, actorUserId, organisationId);
			const value = checked(tx, organisationId, input);
			const now = Date.now();
			const row = { id: newId(), organisationId, ...columns(value), createdAt: now, updatedAt: now };
			tx.insert(assessmentCycle).values(row).run();
			writeAudit(tx, { action: 'cycle.create', organisationId, actorUserId, subject: row.id }, now);
			return toCycle(row);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Edits a cycle's settings. Once findings exist the framework can no longer change (their items
 * belong to it): InputError `framework_locked`; nor can the scale lose a rating a finding has:
 * `scale_in_use`.
 */
export function updateCycle(db: Db, actorUserId: string, organisationId: string, cycleId: string, input: NewCycleInput): Cycle {
	return db.transaction(
		(tx) => {
			requireCoordinator(tx, actorUserId, organisationId);
			const current = getCycle(tx, organisationId, cycleId);
			if (!current) throw new AssessmentAccessError('not_found');
			const value = checked(tx, organisationId, input);
			if (value.frameworkId !== current.frameworkId && hasFindings(tx, cycleId)) throw new InputError({ frameworkId: 'framework_locked' });
			const keys = new Set(parseRatingScale(JSON.stringify(value.ratingScale)).map((o) => o.key));
			const lost = usedRatings(tx, cycleId).filter((k) => !keys.has(k));
			if (lost.length > 0) throw new InputError({ [input.scale === 'custom' ? 'scaleLabels' : 'scale']: 'scale_in_use' });
			const now = Date.now();
			tx.update(assessmentCycle).set({ ...columns(value), updatedAt: now }).where(eq(assessmentCycle.id, cycleId)).run();
			writeAudit(tx, { action: 'cycle.update', organisationId, actorUserId, subject: cycleId }, now);
			return getCycle(tx, organisationId, cycleId)!;
		},
		{ behavior: 'immediate' }
	);
}

/** True when at least one finding belongs to the cycle. */
export function hasFindings(db: Executor, cycleId: string): boolean {
	return !!db.select({ id: finding.id }).from(finding).where(eq(finding.cycleId, cycleId)).get();
}

/** The rating keys the cycle's findings use. */
function usedRatings(db: Executor, cycleId: string): string[] {
	return db
		.selectDistinct({ rating: finding.rating })
		.from(finding)
		.where(and(eq(finding.cycleId, cycleId), isNotNull(finding.rating)))
		.all()
		.map((r) => r.rating!);
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
