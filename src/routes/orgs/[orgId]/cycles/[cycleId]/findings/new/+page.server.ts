import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { cyclePath, coordinatorCycle, editableCycle } from '$lib/server/findings/route-guard';
import { frameworkOutline, itemsInOrder } from '$lib/server/findings/items';
import { createFinding } from '$lib/server/findings/findings';
import { findingFromForm } from '$lib/server/findings/form-input';
import { findingFieldErrors } from '$lib/server/findings/messages';
import { formString } from '$lib/server/form-data';
import { InputError } from '$lib/server/input-error';
import { log } from '$lib/server/logger';

export const load: PageServerLoad = async (event) => {
	const { cycle } = await coordinatorCycle(event);
	const items = itemsInOrder(await frameworkOutline(getDb(), cycle.frameworkId)).map(({ id, code, text }) => ({ id, code, text }));
	return {
		cycle: { id: cycle.id, organisationId: cycle.organisationId, name: cycle.name, ratingScale: cycle.ratingScale },
		items,
		nodeId: event.url.searchParams.get('item') ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { userId, cycle } = await editableCycle(event);
		const data = await event.request.formData();
		const values = { ...findingFromForm(data), nodeId: formString(data, 'nodeId') };
		let id: string;
		try {
			id = await createFinding(getDb(), cycle, userId, values);
		} catch (err) {
			if (err instanceof InputError) return fail(400, { message: m.findings_error_summary(), errors: findingFieldErrors(err), values });
			log.error('creating a finding failed', { cycleId: cycle.id, error: err });
			return fail(500, { message: m.findings_error_unexpected(), errors: {} as Record<string, string>, values });
		}
		redirect(303, `${cyclePath(cycle)}/findings/${id}?created=1`);
	}
};
