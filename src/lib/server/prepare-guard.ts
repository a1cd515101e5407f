/** Route guard for the preparation pages: the workshop, if this user may prepare it; else 404. */
import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import { listUserOrganisations } from './orgs';
import { getWorkshop, type Workshop } from './workshops';
import { canPrepare } from './workshop-access';
import { workshopRole } from './access';

export interface PreparableWorkshop {
	workshop: Workshop;
	organisation: { id: string; name: string };
}

/**
 * The workshop and its organisation. Members and outsiders get the same 404 as for a workshop
 * that does not exist: the page is for preparing, and ids must not be probed.
 */
export async function requirePreparableWorkshop(db: Db, userId: string, workshopId: string): Promise<PreparableWorkshop> {
	const workshop = await getWorkshop(db, workshopId);
	if (!workshop || !canPrepare(await workshopRole(db, userId, workshopId))) error(404, 'Not found');
	const org = (await listUserOrganisations(db, userId)).find((o) => o.id === workshop.organisationId);
	return { workshop, organisation: { id: workshop.organisationId, name: org?.name ?? '' } };
}
