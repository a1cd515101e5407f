import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listUserOrganisations } from '$lib/server/orgs';
import { requireUser } from '$lib/server/require-user';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		organisations: await listUserOrganisations(getDb(), user.id)
	};
};
