/**
 * Who may prepare a workshop (details, agenda, templates): owners and facilitators of its
 * organisation. One guard so every preparation function refuses the same way.
 */
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { managesWorkshops, workshopRole, type Role } from './access';

/**
 * `not_found`: no such workshop (or activity), or the user is outside its organisation — the same
 * answer for both, so ids cannot be probed. `forbidden`: a member, who may look but not prepare.
 */
export type WorkshopAccessCode = 'not_found' | 'forbidden';

const MESSAGES: Record<WorkshopAccessCode, string> = {
	not_found: 'No such workshop or activity, or the user is not in its organisation.',
	forbidden: 'Only owners and facilitators of the organisation can prepare this workshop.'
};

/** A preparation request was refused; routes answer 404 for both codes. */
export class WorkshopAccessError extends Error {
	constructor(readonly code: WorkshopAccessCode) {
		super(MESSAGES[code]);
		this.name = 'WorkshopAccessError';
	}
}

/** True for the roles that run workshops. */
export function canPrepare(role: Role | null): boolean {
	return managesWorkshops(role);
}

/** The user's role when they may prepare the workshop; throws WorkshopAccessError otherwise. */
export async function requirePreparer(db: Executor, userId: string, workshopId: string): Promise<Role> {
	const role = await workshopRole(db as Db, userId, workshopId);
	if (!role) throw new WorkshopAccessError('not_found');
	if (!canPrepare(role)) throw new WorkshopAccessError('forbidden');
	return role;
}
