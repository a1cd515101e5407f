import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requirePreparableWorkshop } from '$lib/server/prepare-guard';
import { getActivity } from '$lib/server/agenda';
import { caseForActivity, saveCaseForActivity } from '$lib/server/case-studies';
import { addRightOption } from '$lib/server/case-right-add';
import { InputError } from '$lib/server/input-error';
import { caseFieldErrors } from '$lib/server/case-form-messages';
import { formString } from '$lib/server/form-data';
import { log } from '$lib/server/logger';
import { docName } from '$lib/shared/protocol';

/** The workshop and its case-study activity, when this user may prepare them; else 404. */
async function guard({ locals, url, params }: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(locals, url);
	const db = getDb();
	const { workshop } = await requirePreparableWorkshop(db, user.id, params.id);
	const activity = await getActivity(db, workshop.id, params.activityId);
	if (!activity || activity.type !== 'case_study') error(404, 'Not found');
	return { db, user, workshop, activity };
}

export const load: PageServerLoad = async (event) => {
	const { db, workshop, activity } = await guard(event);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		activity: { id: activity.id, title: activity.title, anonymity: activity.anonymity },
		caseStudy: await caseForActivity(db, workshop.id, activity.id),
		controlDoc: docName('control', workshop.id)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { db, user, workshop, activity } = await guard(event);
		const title = formString(await event.request.formData(), 'title');
		try {
			await saveCaseForActivity(db, user.id, workshop.id, activity.id, title);
		} catch (err) {
			if (err instanceof InputError) return fail(400, { form: 'save', message: m.case_error_summary(), errors: caseFieldErrors(err), values: { title } });
			log.error('saving a case study failed', { workshopId: workshop.id, activityId: activity.id, error: err });
			return fail(500, { form: 'save', message: m.prepare_error_unexpected(), errors: {}, values: { title } });
		}
		return { form: 'save', saved: true };
	},
	addRight: async (event) => {
		const { db, workshop } = await guard(event);
		const label = formString(await event.request.formData(), 'label');
		try {
			await addRightOption(db, workshop.id, label);
		} catch (err) {
			if (err instanceof InputError) return fail(400, { form: 'addRight', message: m.case_error_summary(), errors: caseFieldErrors(err), values: { label } });
			log.error('adding a right failed', { workshopId: workshop.id, error: err });
			return fail(500, { form: 'addRight', message: m.prepare_error_unexpected(), errors: {}, values: { label } });
		}
		return { form: 'addRight', added: true };
	}
};
