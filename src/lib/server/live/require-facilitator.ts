/** The route guard for running a workshop: signed in, and owner or facilitator of its organisation. */
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { workshopRole, managesWorkshops } from '../access';
import { requireUser } from '../require-user';
import { getWorkshop } from '../workshops';

/** Only the organisation's owners and facilitators run a workshop; everyone else gets 404. */
export async function requireFacilitator(locals: App.Locals, url: URL, workshopId: string) {
	const user = requireUser(locals, url);
	const db = getDb();
	const workshop = await getWorkshop(db, workshopId);
	const role = workshop ? await workshopRole(db, user.id, workshop.id) : null;
	if (!workshop || !managesWorkshops(role)) error(404, 'Not found');
	return { user, workshop };
}

