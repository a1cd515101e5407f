import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requirePreparableWorkshop } from '$lib/server/prepare-guard';
import { getActivity, updateActivity } from '$lib/server/agenda';
import { WorkshopAccessError } from '$lib/server/workshop-access';
import { InputError } from '$lib/server/input-error';
import { activityFieldErrors } from '$lib/server/prepare-form-messages';
import { formString } from '$lib/server/form-data';
import { log } from '$lib/server/logger';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { workshop } = await requirePreparableWorkshop(db, user.id, params.id);
	const activity = await getActivity(db, workshop.id, params.activityId);
	if (!activity) error(404, 'Not found');
	const { id, type, title, prompt, plainPrompt, plannedMinutes, anonymity } = activity;
	return { workshop: { id: workshop.id, title: workshop.title }, activity: { id, type, title, prompt, plainPrompt, plannedMinutes, anonymity } };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		await requirePreparableWorkshop(getDb(), user.id, params.id);
		const data = await request.formData();
		const values = {
			type: formString(data, 'type'),
			title: formString(data, 'title'),
			prompt: formString(data, 'prompt'),
			plainPrompt: formString(data, 'plainPrompt'),
			plannedMinutes: formString(data, 'plannedMinutes'),
			anonymity: formString(data, 'anonymity')
		};
		try {
			await updateActivity(getDb(), user.id, params.id, params.activityId, values);
		} catch (err) {
			if (err instanceof InputError) {
				return fail(400, { message: m.activity_error_summary(), errors: activityFieldErrors(err), values });
			}
			// Removed meanwhile (or the user lost the role): this page no longer exists for them.
			if (err instanceof WorkshopAccessError) error(404, 'Not found');
			log.error('saving an activity failed', { workshopId: params.id, activityId: params.activityId, error: err });
			return fail(500, { message: m.prepare_error_unexpected(), errors: {} as Record<string, string>, values });
		}
		redirect(303, `/workshops/${params.id}/prepare?updated=${params.activityId}#activity-${params.activityId}`);
	}
};
