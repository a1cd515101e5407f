import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { requireFacilitator } from '$lib/server/live/require-facilitator';
import { pendingEndorsed, recordingOverview } from '$lib/server/action-points/recording';
import { pointView } from '$lib/server/action-points/recording-view';
import { recordAllAction } from '$lib/server/action-points/recording-actions';

/** Owners and facilitators of the workshop's organisation only; everyone else gets 404. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { workshop } = await requireFacilitator(locals, url, params.id);
	const overview = await recordingOverview(getDb(), workshop.organisationId, workshop.id);
	const pending = pendingEndorsed(overview);
	// Server time zone, as on the register's pages; the ISO value is in the markup too.
	const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' });
	const points = overview.points.map((p) => pointView(p, (ms) => date.format(ms)));
	const justRecorded = points.find((p) => p.id === url.searchParams.get('recorded') && p.entry);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		organisationId: workshop.organisationId,
		anyValidation: overview.anyValidation,
		points,
		ready: pending.ready.map((p) => p.draft.title),
		incomplete: pending.incomplete.map((p) => p.draft.title),
		justRecorded: justRecorded ? justRecorded.title : null
	};
};

export const actions: Actions = {
	recordAll: async ({ locals, url, params }) => {
		const { user, workshop } = await requireFacilitator(locals, url, params.id);
		return recordAllAction(getDb(), user.id, workshop.organisationId, workshop.id);
	}
};
