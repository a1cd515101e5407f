import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/require-user';
import { InputError } from '$lib/server/input-error';
import { coordinatorOrg, rethrowAccess } from '$lib/server/frameworks/route-guard';
import { cycleFormInput, frameworkChoices } from '$lib/server/frameworks/cycle-form';
import { cycleFieldErrors } from '$lib/server/frameworks/form-messages';
import { cycleFormValues, getCycle, hasFindings, updateCycle } from '$lib/server/cycles';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { organisation } = await coordinatorOrg(db, user.id, params.orgId);
	const cycle = await getCycle(db, organisation.id, params.cycleId);
	if (!cycle) error(404, 'Not found');
	return {
		organisation: { id: organisation.id },
		cycle: { id: cycle.id, name: cycle.name },
		values: cycleFormValues(cycle),
		frameworkLocked: await hasFindings(db, cycle.id),
		frameworks: await frameworkChoices(db, organisation.id),
		created: url.searchParams.has('created')
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const values = cycleFormInput(await request.formData());
		try {
			const cycle = await updateCycle(getDb(), user.id, params.orgId, params.cycleId, values);
			return { status: m.frameworks_cycle_saved({ name: cycle.name }) };
		} catch (err) {
			if (err instanceof InputError) return fail(400, { message: m.frameworks_error_summary(), errors: cycleFieldErrors(err), values });
			rethrowAccess(err);
		}
	}
};
