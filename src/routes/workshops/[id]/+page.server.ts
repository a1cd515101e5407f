import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { docAccessForUser } from '$lib/server/access';
import { listUserOrganisations } from '$lib/server/orgs';
import { requireUser } from '$lib/server/require-user';
import { getWorkshop } from '$lib/server/workshops';
import { docName } from '$lib/shared/protocol';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const workshop = await getWorkshop(db, params.id);
	// Same answer for "no such workshop" and "not yours", so ids cannot be probed.
	const access = workshop ? await docAccessForUser(db, user.id, { kind: 'board', workshopId: workshop.id }) : null;
	if (!workshop || !access) error(404, 'Not found');
	const org = (await listUserOrganisations(db, user.id)).find((o) => o.id === workshop.organisationId);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		organisation: { id: workshop.organisationId, name: org?.name ?? '' },
		canWrite: access === 'write',
		docName: docName('board', workshop.id)
	};
};
