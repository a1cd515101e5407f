import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listUserOrganisations } from '$lib/server/orgs';
import { requireUser } from '$lib/server/require-user';
import { canManageWorkshops, createWorkshop, listWorkshops, WorkshopError } from '$lib/server/workshops';
import { log } from '$lib/server/logger';

/** The organisation as seen by this user; 404 for non-members so ids cannot be probed. */
async function organisationFor(userId: string, orgId: string) {
	const org = (await listUserOrganisations(getDb(), userId)).find((o) => o.id === orgId);
	if (!org) error(404, 'Not found');
	return org;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const org = await organisationFor(user.id, params.orgId);
	return {
		organisation: { id: org.id, name: org.name, role: org.role },
		canCreate: canManageWorkshops(org.role),
		workshops: (await listWorkshops(getDb(), org.id)).map((w) => ({ id: w.id, title: w.title }))
	};
};

export const actions: Actions = {
	create: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const org = await organisationFor(user.id, params.orgId);
		const title = (await request.formData()).get('title');
		let id: string;
		try {
			id = (await createWorkshop(getDb(), { organisationId: org.id, title: typeof title === 'string' ? title : '', createdBy: user.id })).id;
		} catch (err) {
			if (err instanceof WorkshopError) {
				return fail(err.code === 'forbidden' ? 403 : 400, { title: typeof title === 'string' ? title : '', problem: err.code });
			}
			log.error('workshop creation failed', { orgId: org.id, error: err });
			return fail(500, { title: typeof title === 'string' ? title : '', problem: 'unexpected' as const });
		}
		redirect(303, `/workshops/${id}`);
	}
};
