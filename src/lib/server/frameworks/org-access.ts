/**
 * Who may see and change an organisation's frameworks and assessment cycles: members read,
 * coordinators (owners and facilitators, `managesWorkshops`) change. One guard for all of them.
 */
import type { Executor } from '../db/executor';
import { getMembership } from '../orgs';
import { managesWorkshops } from '../access';
import type { Role } from '../../shared/roles';

/** `not_found`: outsider or no such thing (routes answer 404); `forbidden`: a member trying to change. */
export type AssessmentAccessCode = 'not_found' | 'forbidden';

export class AssessmentAccessError extends Error {
	constructor(readonly code: AssessmentAccessCode) {
		super(
			code === 'not_found'
				? 'No such framework, node or cycle, or the user is not in its organisation.'
				: 'Only owners and facilitators of the organisation can change frameworks and cycles.'
		);
		this.name = 'AssessmentAccessError';
	}
}

/** The user's role when they belong to the organisation; throws `not_found` otherwise. */
export async function requireReader(db: Executor, userId: string, organisationId: string): Promise<Role> {
	const membership = await getMembership(db, organisationId, userId);
	if (!membership) throw new AssessmentAccessError('not_found');
	return membership.role;
}

/** The user's role when they may change the organisation's frameworks and cycles. */
export async function requireCoordinator(db: Executor, userId: string, organisationId: string): Promise<Role> {
	const role = await requireReader(db, userId, organisationId);
	if (!managesWorkshops(role)) throw new AssessmentAccessError('forbidden');
	return role;
}
