/**
 * Who may see and change a cycle's findings: every member of the cycle's organisation reads them;
 * owners and facilitators (the coordinators) change them. Outsiders get the same answer as for a
 * cycle that does not exist, so ids cannot be probed.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { assessmentCycle, framework } from '../db/schema';
import { getMembership } from '../orgs';
import { managesWorkshops } from '../access';
import type { Role } from '../../shared/roles';
import { parseRatingScale, type RatingOption } from '../../shared/rating-scale';

export type FindingsAccessCode = 'not_found' | 'forbidden';

/** Refused: `not_found` (no such cycle, or an outsider) or `forbidden` (a member trying to change). */
export class FindingsAccessError extends Error {
	constructor(readonly code: FindingsAccessCode) {
		super(code === 'not_found' ? 'No such cycle, or the user is not in its organisation.' : 'Only owners and facilitators change findings.');
		this.name = 'FindingsAccessError';
	}
}

export interface CycleContext {
	id: string;
	organisationId: string;
	frameworkId: string;
	frameworkName: string;
	name: string;
	ratingScale: RatingOption[];
	role: Role;
	canEdit: boolean;
}

/** The cycle as this user may see it; throws FindingsAccessError('not_found') otherwise. */
export async function cycleForUser(db: Executor, userId: string, organisationId: string, cycleId: string): Promise<CycleContext> {
	const [row] = await db
		.select({ cycle: assessmentCycle, frameworkName: framework.name })
		.from(assessmentCycle)
		.innerJoin(framework, eq(framework.id, assessmentCycle.frameworkId))
		.where(and(eq(assessmentCycle.id, cycleId), eq(assessmentCycle.organisationId, organisationId)))
		.limit(1);
	const membership = row ? await getMembership(db, organisationId, userId) : null;
	if (!row || !membership) throw new FindingsAccessError('not_found');
	const { cycle } = row;
	return {
		id: cycle.id,
		organisationId,
		frameworkId: cycle.frameworkId,
		frameworkName: row.frameworkName,
		name: cycle.name,
		ratingScale: parseRatingScale(cycle.ratingScale),
		role: membership.role,
		canEdit: managesWorkshops(membership.role)
	};
}

/** The cycle when this user may change its findings; throws FindingsAccessError otherwise. */
export async function cycleForEditor(db: Executor, userId: string, organisationId: string, cycleId: string): Promise<CycleContext> {
	const cycle = await cycleForUser(db, userId, organisationId, cycleId);
	if (!cycle.canEdit) throw new FindingsAccessError('forbidden');
	return cycle;
}
