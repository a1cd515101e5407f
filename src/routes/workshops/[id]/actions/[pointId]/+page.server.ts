import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { requireFacilitator } from '$lib/server/live/require-facilitator';
import { formString } from '$lib/server/form-data';
import { actionFromForm, flatValues } from '$lib/server/register/form-input';
import { orgCycles } from '$lib/server/register/read';
import { recordingOverview } from '$lib/server/action-points/recording';
import { pointView } from '$lib/server/action-points/recording-view';
import { recordPointAction } from '$lib/server/action-points/recording-actions';

/** One drafted point with its validation and the form recording it; 404 for anyone but the organisation's owners and facilitators. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { workshop } = await requireFacilitator(locals, url, params.id);
	const db = getDb();
	const overview = await recordingOverview(db, workshop.organisationId, workshop.id);
	const point = overview.points.find((p) => p.draft.id === params.pointId);
	if (!point) error(404, 'Not found');
	const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' });
	return {
		workshop: { id: workshop.id, title: workshop.title },
		organisationId: workshop.organisationId,
		cycles: await orgCycles(db, workshop.organisationId),
		point: pointView(point, (ms) => date.format(ms))
	};
};

export const actions: Actions = {
	/** Records the point; back to the list when recorded now, else says it was already recorded. */
	record: async ({ locals, url, params, request }) => {
		const { user, workshop } = await requireFacilitator(locals, url, params.id);
		const data = await request.formData();
		const result = await recordPointAction(getDb(), {
			userId: user.id,
			organisationId: workshop.organisationId,
			workshopId: workshop.id,
			pointId: params.pointId,
			fields: actionFromForm(data),
			cycleId: formString(data, 'cycleId') || null,
			values: flatValues(data)
		});
		if ('created' in result && result.created) redirect(303, `/workshops/${workshop.id}/actions?recorded=${params.pointId}`);
		return result;
	}
};
