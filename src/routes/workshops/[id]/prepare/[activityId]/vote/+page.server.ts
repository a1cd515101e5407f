import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requirePreparableWorkshop } from '$lib/server/prepare-guard';
import { getJoinWorkshop } from '$lib/server/join-credentials';
import { workshopActionPoints } from '$lib/server/action-points/read';
import { readVote } from '$lib/server/votes/read';
import { addActionPoints, addFindings, addStatement, cycleFindings, defaultAnswerGroups, moveItem, organisationCycles, removeItem, saveSettings } from '$lib/server/votes/setup';
import { VoteError } from '$lib/server/votes/vote-error';
import { InputError } from '$lib/server/input-error';
import { WorkshopAccessError } from '$lib/server/workshop-access';
import { voteErrorMessage } from '$lib/server/votes/messages';
import { setupIssueMessage } from '$lib/server/votes/setup-messages';
import { formString } from '$lib/server/form-data';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { workshop } = await requirePreparableWorkshop(db, user.id, params.id);
	const vote = await readVote(db, workshop.id, params.activityId);
	if (!vote) error(404, 'Not found');
	return {
		workshop: { id: workshop.id, title: workshop.title },
		vote,
		cycles: await organisationCycles(db, workshop.id),
		findings: await cycleFindings(db, vote.cycleId),
		roleGroups: (await getJoinWorkshop(db, workshop.id))?.roleGroups ?? [],
		defaultAnswerGroups: await defaultAnswerGroups(db, workshop.id),
		actionPoints: (await workshopActionPoints(db, workshop.id)).map((p) => ({ id: p.id, title: p.title }))
	};
};

/** Runs one change; refusals come back as a message (and field errors), never a changed vote. */
async function run(event: RequestEvent, fn: (userId: string, data: FormData) => Promise<unknown>) {
	const user = requireUser(event.locals, event.url);
	const data = await event.request.formData();
	try {
		await fn(user.id, data);
		return { saved: true };
	} catch (e) {
		if (e instanceof InputError) {
			const errors = Object.fromEntries(Object.entries(e.issues).map(([field, code]) => [field, setupIssueMessage(code)]));
			return fail(400, { message: m.votes_setup_error_summary(), errors });
		}
		if (e instanceof VoteError) return fail(400, { message: voteErrorMessage(e.code), errors: {} as Record<string, string> });
		if (e instanceof WorkshopAccessError) error(404, 'Not found');
		throw e;
	}
}

export const actions: Actions = {
	settings: (event) =>
		run(event, (userId, data) =>
			saveSettings(getDb(), userId, event.params.id, event.params.activityId, {
				kind: formString(data, 'kind'),
				budget: formString(data, 'budget'),
				cap: formString(data, 'cap'),
				cycleId: formString(data, 'cycleId'),
				shownGroups: data.getAll('shownGroups').filter((v): v is string => typeof v === 'string'),
				answerGroups: data.getAll('answerGroups').filter((v): v is string => typeof v === 'string')
			})
		),
	findings: (event) =>
		run(event, (userId, data) =>
			addFindings(getDb(), userId, event.params.id, event.params.activityId, data.getAll('findingId').filter((v): v is string => typeof v === 'string'))
		),
	actionPoints: (event) =>
		run(event, (userId, data) =>
			addActionPoints(
				getDb(),
				userId,
				event.params.id,
				event.params.activityId,
				data.getAll('actionPointId').filter((v): v is string => typeof v === 'string'),
				m.validation_setup_action_point_untitled()
			)
		),
	statement: (event) => run(event, (userId, data) => addStatement(getDb(), userId, event.params.id, event.params.activityId, formString(data, 'statement'))),
	move: (event) =>
		run(event, (userId, data) =>
			moveItem(getDb(), userId, event.params.id, event.params.activityId, formString(data, 'itemId'), formString(data, 'direction') === 'up' ? 'up' : 'down')
		),
	remove: (event) => run(event, (userId, data) => removeItem(getDb(), userId, event.params.id, event.params.activityId, formString(data, 'itemId')))
};
