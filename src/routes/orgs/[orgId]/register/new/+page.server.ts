import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { editableRegister } from '$lib/server/register/route-guard';
import { manualSourceKey, recordAction } from '$lib/server/register/entries';
import { actionFromForm, flatValues } from '$lib/server/register/form-input';
import { runRegisterAction } from '$lib/server/register/messages';
import { orgCycles, orgWorkshops } from '$lib/server/register/read';
import { formString } from '$lib/server/form-data';

/** The form carries its own source key, so submitting it twice records one entry. */
export const load: PageServerLoad = async (event) => {
	const { organisation } = await editableRegister(event);
	const db = getDb();
	return { organisation, sourceKey: manualSourceKey(), cycles: await orgCycles(db, organisation.id), workshops: await orgWorkshops(db, organisation.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { userId, organisation } = await editableRegister(event);
		const data = await event.request.formData();
		const sourceKey = formString(data, 'sourceKey');
		let entryId = '';
		const result = await runRegisterAction(
			{ form: 'entry', values: flatValues(data) },
			async () => {
				const input = { ...actionFromForm(data), sourceKey, cycleId: formString(data, 'cycleId') || null, workshopId: formString(data, 'workshopId') || null };
				entryId = (await recordAction(getDb(), userId, organisation.id, input)).entry.id;
			},
			m.register_recorded()
		);
		if (!entryId) return result;
		redirect(303, `/orgs/${organisation.id}/register/${entryId}?recorded`);
	}
};
