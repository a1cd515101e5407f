import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requirePreparableWorkshop } from '$lib/server/prepare-guard';
import { addActivity, getActivity, listActivities, moveActivity, removeActivity } from '$lib/server/agenda';
import { updateWorkshopDetails, WORKSHOP_LANGUAGES } from '$lib/server/workshop-details';
import { roleGroupKindGuesses } from '$lib/server/role-group-kinds';
import { duplicateWorkshop } from '$lib/server/workshop-template';
import { WorkshopAccessError } from '$lib/server/workshop-access';
import { InputError } from '$lib/server/input-error';
import { activityFieldErrors, detailsFieldErrors } from '$lib/server/prepare-form-messages';
import { formString } from '$lib/server/form-data';
import { log } from '$lib/server/logger';

/** The language's own name ("English", "Polski"), so people find theirs whatever the page language. */
function languageName(tag: string): string {
	return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { workshop, organisation } = await requirePreparableWorkshop(db, user.id, params.id);
	const activities = await listActivities(db, workshop.id);
	// Set by the edit page's redirect, so the saved activity is announced here.
	const updated = activities.find((a) => a.id === url.searchParams.get('updated'));
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			scheduledOn: workshop.scheduledOn ?? '',
			language: workshop.language,
			purpose: workshop.purpose,
			roleGroups: workshop.roleGroups,
			expectedRoleGroups: workshop.expectedRoleGroups,
			roleGroupKinds: workshop.roleGroupKinds
		},
		kindGuesses: roleGroupKindGuesses(),
		organisation,
		activities: activities.map(({ id, type, title, prompt, plainPrompt, plannedMinutes, anonymity }) => ({ id, type, title, prompt, plainPrompt, plannedMinutes, anonymity })),
		languages: WORKSHOP_LANGUAGES.map((tag) => ({ tag, name: languageName(tag) })),
		/** Without scripts, "Remove" reloads the page with ?remove=<id> and the confirmation shows. */
		removeId: url.searchParams.get('remove'),
		updatedStatus: updated ? m.agenda_updated({ title: updated.title }) : null
	};
};

/** The role-group kinds as the form sends them: one label and one kind per group, in order. */
function pairs(labels: FormDataEntryValue[], kinds: FormDataEntryValue[]): Record<string, string> {
	return Object.fromEntries(labels.map((label, i) => [String(label), String(kinds[i] ?? '')]));
}

/** The signed-in preparer and the posted form; 404 for anyone else. */
async function begin(event: RequestEvent) {
	const user = requireUser(event.locals, event.url);
	await requirePreparableWorkshop(getDb(), user.id, event.params.id);
	return { userId: user.id, workshopId: event.params.id, data: await event.request.formData() };
}

/** Access refusals become a 404 (the page is gone for this user); anything unknown is logged. */
function unexpected(err: unknown, what: string, workshopId: string) {
	if (err instanceof WorkshopAccessError) error(404, 'Not found');
	log.error(`${what} failed`, { workshopId, error: err });
	return { message: m.prepare_error_unexpected() };
}

const noErrors: Record<string, string> = {};

function activityValues(data: FormData) {
	return {
		type: formString(data, 'type'),
		title: formString(data, 'title'),
		prompt: formString(data, 'prompt'),
		plainPrompt: formString(data, 'plainPrompt'),
		plannedMinutes: formString(data, 'plannedMinutes'),
		anonymity: formString(data, 'anonymity')
	};
}

export const actions: Actions = {
	details: async (event) => {
		const { userId, workshopId, data } = await begin(event);
		const values = {
			title: formString(data, 'title'),
			scheduledOn: formString(data, 'scheduledOn'),
			language: formString(data, 'language'),
			purpose: formString(data, 'purpose'),
			roleGroups: formString(data, 'roleGroups'),
			expectedRoleGroups: data.getAll('expectedRoleGroups').filter((v): v is string => typeof v === 'string'),
			roleGroupKinds: pairs(data.getAll('kindLabel'), data.getAll('kind'))
		};
		try {
			await updateWorkshopDetails(getDb(), userId, workshopId, values);
		} catch (err) {
			if (err instanceof InputError) {
				return fail(400, { form: 'details' as const, message: m.prepare_error_summary(), errors: detailsFieldErrors(err), values });
			}
			return fail(500, { form: 'details' as const, ...unexpected(err, 'saving workshop details', workshopId), errors: noErrors, values });
		}
		return { form: 'details' as const, status: m.prepare_details_saved() };
	},

	add: async (event) => {
		const { userId, workshopId, data } = await begin(event);
		const values = activityValues(data);
		try {
			const added = await addActivity(getDb(), userId, workshopId, values);
			return { form: 'add' as const, status: m.agenda_added({ title: added.title, position: added.position + 1 }) };
		} catch (err) {
			if (err instanceof InputError) {
				return fail(400, { form: 'add' as const, message: m.activity_error_summary(), errors: activityFieldErrors(err), values });
			}
			return fail(500, { form: 'add' as const, ...unexpected(err, 'adding an activity', workshopId), errors: noErrors, values });
		}
	},

	move: async (event) => {
		const { userId, workshopId, data } = await begin(event);
		const activityId = formString(data, 'activityId');
		const direction = formString(data, 'direction') === 'up' ? 'up' : 'down';
		try {
			const position = await moveActivity(getDb(), userId, workshopId, activityId, direction);
			const moved = await getActivity(getDb(), workshopId, activityId);
			const total = (await listActivities(getDb(), workshopId)).length;
			return {
				form: 'move' as const,
				moved: { id: activityId, direction },
				status: m.agenda_moved({ title: moved?.title ?? '', position: position + 1, total })
			};
		} catch (err) {
			if (err instanceof WorkshopAccessError && err.code === 'not_found') {
				return fail(404, { form: 'move' as const, message: m.agenda_error_not_found() });
			}
			return fail(500, { form: 'move' as const, ...unexpected(err, 'moving an activity', workshopId) });
		}
	},

	remove: async (event) => {
		const { userId, workshopId, data } = await begin(event);
		try {
			const removed = await removeActivity(getDb(), userId, workshopId, formString(data, 'activityId'));
			return { form: 'remove' as const, status: m.agenda_removed({ title: removed.title }) };
		} catch (err) {
			if (err instanceof WorkshopAccessError && err.code === 'not_found') {
				return fail(404, { form: 'remove' as const, message: m.agenda_error_not_found() });
			}
			return fail(500, { form: 'remove' as const, ...unexpected(err, 'removing an activity', workshopId) });
		}
	},

	duplicate: async (event) => {
		const { userId, workshopId, data } = await begin(event);
		const values = { title: formString(data, 'title') };
		let newId: string;
		try {
			newId = (await duplicateWorkshop(getDb(), userId, workshopId, values.title)).id;
		} catch (err) {
			if (err instanceof InputError) {
				return fail(400, { form: 'template' as const, message: m.template_error_summary(), errors: detailsFieldErrors(err), values });
			}
			return fail(500, { form: 'template' as const, ...unexpected(err, 'copying a workshop', workshopId), errors: noErrors, values });
		}
		redirect(303, `/workshops/${newId}/prepare`);
	}
};
