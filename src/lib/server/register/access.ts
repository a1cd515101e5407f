/**
 * Who may see and change an organisation's action register: members read, coordinators (owners
 * and facilitators) change. Outsiders get the same answer as for an organisation or entry that
 * does not exist, so ids cannot be probed. Participants (no account) never reach it.
 */
import type { Executor } from '../db/executor';
import { getMembership } from '../orgs';
import { managesWorkshops } from '../access';
import type { Role } from '../../shared/roles';

export type RegisterAccessCode = 'not_found' | 'forbidden';

export class RegisterAccessError extends Error {
	constructor(readonly code: RegisterAccessCode) {
		super(code === 'not_found' ? 'No such register entry or cycle, or the user is not in the organisation.' : 'Only owners and facilitators change the action register.');
		this.name = 'RegisterAccessError';
	}
}

export interface RegisterAccess {
	organisationId: string;
	role: Role;
	canEdit: boolean;
}

/** The user's access to the organisation's register; throws `not_found` for outsiders. */
export async function registerReader(db: Executor, userId: string, organisationId: string): Promise<RegisterAccess> {
	const membership = await getMembership(db, organisationId, userId);
	if (!membership) throw new RegisterAccessError('not_found');
	return { organisationId, role: membership.role, canEdit: managesWorkshops(membership.role) };
}

/** Like registerReader, but members get `forbidden`. */
export async function registerEditor(db: Executor, userId: string, organisationId: string): Promise<RegisterAccess> {
	const access = await registerReader(db, userId, organisationId);
	if (!access.canEdit) throw new RegisterAccessError('forbidden');
	return access;
}
