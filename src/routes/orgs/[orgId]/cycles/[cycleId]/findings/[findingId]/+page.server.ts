import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { editableCycle, readableCycle } from '$lib/server/findings/route-guard';
import { findingDetail } from '$lib/server/findings/read';
import { changeStatus, findingInCycle, updateFinding } from '$lib/server/findings/findings';
import { addEvidence, editEvidence, moveEvidence, removeEvidence } from '$lib/server/findings/evidence';
import { evidenceFromForm, findingFromForm } from '$lib/server/findings/form-input';
import { runFindingAction } from '$lib/server/findings/action-runner';
import { formString } from '$lib/server/form-data';
import { nextStatuses, isFindingStatus } from '$lib/shared/finding-rules';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async (event) => {
	const { cycle } = await readableCycle(event);
	const detail = await findingDetail(getDb(), cycle, event.params.findingId);
	if (!detail) error(404, 'Not found');
	const status = detail.finding.status;
	// Server time zone, as elsewhere; the ISO value is in the markup too.
	const time = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' });
	return {
		cycle: { id: cycle.id, organisationId: cycle.organisationId, name: cycle.name, ratingScale: cycle.ratingScale, canEdit: cycle.canEdit },
		...detail,
		history: detail.history.map((h) => ({ ...h, iso: new Date(h.createdAt).toISOString(), when: time.format(h.createdAt) })),
		nextStatuses: isFindingStatus(status) ? nextStatuses(status) : [],
		created: event.url.searchParams.has('created')
	};
};

/** The editable cycle, the finding (404 when not in it) and the posted form. */
async function prepare(event: RequestEvent) {
	const { userId, cycle } = await editableCycle(event);
	if (!(await findingInCycle(getDb(), cycle.id, event.params.findingId))) error(404, 'Not found');
	return { userId, cycle, findingId: event.params.findingId, data: await event.request.formData() };
}

export const actions: Actions = {
	save: async (event) => {
		const { userId, cycle, findingId, data } = await prepare(event);
		const values = findingFromForm(data);
		return runFindingAction({ form: 'finding', values: { ...values } }, () => updateFinding(getDb(), cycle, userId, findingId, values), m.findings_saved());
	},
	status: async (event) => {
		const { userId, cycle, findingId, data } = await prepare(event);
		return runFindingAction({ form: 'status' }, () => changeStatus(getDb(), cycle, userId, findingId, formString(data, 'status')), m.findings_status_changed());
	},
	addEvidence: async (event) => {
		const { userId, findingId, data } = await prepare(event);
		const values = evidenceFromForm(data);
		return runFindingAction({ form: 'evidence-new', values: { ...values } }, () => addEvidence(getDb(), userId, findingId, values), m.findings_evidence_added());
	},
	editEvidence: async (event) => {
		const { userId, findingId, data } = await prepare(event);
		const values = evidenceFromForm(data);
		const id = formString(data, 'evidenceId');
		return runFindingAction({ form: `evidence-${id}`, values: { ...values } }, () => editEvidence(getDb(), userId, findingId, id, values), m.findings_evidence_saved());
	},
	removeEvidence: async (event) => {
		const { userId, findingId, data } = await prepare(event);
		const id = formString(data, 'evidenceId');
		return runFindingAction({ form: `evidence-${id}` }, () => removeEvidence(getDb(), userId, findingId, id), m.findings_evidence_removed());
	},
	moveEvidence: async (event) => {
		const { userId, findingId, data } = await prepare(event);
		const id = formString(data, 'evidenceId');
		const direction = formString(data, 'direction') === 'up' ? 'up' : 'down';
		return runFindingAction({ form: `evidence-${id}` }, () => moveEvidence(getDb(), userId, findingId, id, direction), m.findings_evidence_moved());
	}
};
