import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { editableRegister, readableRegister } from '$lib/server/register/route-guard';
import { entryDetail } from '$lib/server/register/read';
import { entryInOrg, updateEntry } from '$lib/server/register/entries';
import { updateProgress } from '$lib/server/register/progress';
import { actionFromForm, flatValues, progressFromForm } from '$lib/server/register/form-input';
import { entryFormValues } from '$lib/server/register/form-values';
import { runRegisterAction } from '$lib/server/register/messages';
import { isActionStatus, nextActionStatuses, todayIso } from '$lib/shared/action-rules';

export const load: PageServerLoad = async (event) => {
	const { organisation, canEdit } = await readableRegister(event);
	const detail = await entryDetail(getDb(), organisation.id, event.params.entryId, todayIso());
	if (!detail) error(404, 'Not found');
	const { entry } = detail;
	// Server time zone, as elsewhere; the ISO value is in the markup too.
	const time = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' });
	const dated = (ms: number) => ({ iso: new Date(ms).toISOString(), when: time.format(ms) });
	return {
		organisation,
		canEdit,
		entry: { ...entry, recorded: dated(entry.recordedAt) },
		indicators: detail.indicators,
		cycleName: detail.cycleName,
		workshopTitle: detail.workshopTitle,
		recorderName: detail.recorderName,
		values: entryFormValues(entry),
		history: detail.history.map((h) => ({ ...h, ...dated(h.createdAt) })),
		statusOptions: isActionStatus(entry.status) ? [entry.status, ...nextActionStatuses(entry.status)] : [],
		recorded: event.url.searchParams.has('recorded')
	};
};

/** The editable register, the entry (404 when not in it) and the posted form. */
async function prepare(event: RequestEvent) {
	const { userId, organisation } = await editableRegister(event);
	if (!(await entryInOrg(getDb(), organisation.id, event.params.entryId))) error(404, 'Not found');
	return { userId, orgId: organisation.id, entryId: event.params.entryId, data: await event.request.formData() };
}

export const actions: Actions = {
	save: async (event) => {
		const { userId, orgId, entryId, data } = await prepare(event);
		return runRegisterAction({ form: 'entry', values: flatValues(data) }, () => updateEntry(getDb(), userId, orgId, entryId, actionFromForm(data)), m.register_saved());
	},
	progress: async (event) => {
		const { userId, orgId, entryId, data } = await prepare(event);
		return runRegisterAction({ form: 'progress', values: flatValues(data) }, () => updateProgress(getDb(), userId, orgId, entryId, progressFromForm(data)), m.register_progress_saved());
	}
};
