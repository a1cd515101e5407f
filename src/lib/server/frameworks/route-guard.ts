/**
 * Route guards for the assessment pages under /orgs/[orgId]: the organisation as this user sees
 * it, or a 404 for outsiders (ids cannot be probed). Members read; coordinators change.
 */
import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { listUserOrganisations, type UserOrganisation } from '../orgs';
import { managesWorkshops } from '../access';
import { AssessmentAccessError } from './org-access';

export interface AssessmentOrg {
	organisation: UserOrganisation;
	canManage: boolean;
}

/** The organisation and whether the user may change its frameworks and cycles; 404 for outsiders. */
export async function assessmentOrg(db: Db, userId: string, orgId: string): Promise<AssessmentOrg> {
	const organisation = (await listUserOrganisations(db, userId)).find((o) => o.id === orgId);
	if (!organisation) error(404, 'Not found');
	return { organisation, canManage: managesWorkshops(organisation.role) };
}

/** Like assessmentOrg, but members get the same 404 (pages that only change things). */
export async function coordinatorOrg(db: Db, userId: string, orgId: string): Promise<AssessmentOrg> {
	const found = await assessmentOrg(db, userId, orgId);
	if (!found.canManage) error(404, 'Not found');
	return found;
}

/**
 * An action's answer to an AssessmentAccessError: 404 for anything outside the user's reach,
 * 403 for a member trying to change something. Other errors are rethrown.
 */
export function rethrowAccess(err: unknown): never {
	if (err instanceof AssessmentAccessError) error(err.code === 'forbidden' ? 403 : 404, err.code === 'forbidden' ? 'Forbidden' : 'Not found');
	throw err;
}
