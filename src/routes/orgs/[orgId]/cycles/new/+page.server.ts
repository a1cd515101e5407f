import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { InputError } from '$lib/server/input-error';
import { coordinatorOrg, rethrowAccess } from '$lib/server/frameworks/route-guard';
import { cycleFormInput, frameworkChoices } from '$lib/server/frameworks/cycle-form';
import { cycleFieldErrors } from '$lib/server/frameworks/form-messages';
import { createCycle } from '$lib/server/cycles';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { organisation } = await coordinatorOrg(db, user.id, params.orgId);
	return { organisation: { id: organisation.id, name: organisation.name }, frameworks: await frameworkChoices(db, organisation.id) };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = cycleFormInput(await request.formData());
		let id: string;
		try {
			id = (await createCycle(getDb(), user.id, params.orgId, values)).id;
		} catch (err) {
			if (err instanceof InputError) return fail(400, { message: m.frameworks_error_summary(), errors: cycleFieldErrors(err), values });
			rethrowAccess(err);
		}
		redirect(303, `/orgs/${params.orgId}/cycles/${id}/settings?created=1`);
	}
};
