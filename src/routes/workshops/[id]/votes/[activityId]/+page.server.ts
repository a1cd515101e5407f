import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireStaffVote } from '$lib/server/votes/staff-guard';
import { staffResults } from '$lib/server/votes/staff-results';
import { isVoteCommand, runVoteCommand } from '$lib/server/votes/commands';
import { recordOutcome } from '$lib/server/votes/validation';
import { VoteError } from '$lib/server/votes/vote-error';
import { WorkshopAccessError } from '$lib/server/workshop-access';
import { voteErrorMessage } from '$lib/server/votes/messages';
import { formString } from '$lib/server/form-data';
import { publishWorkshop } from '$lib/server/live/publish';
import { m } from '$lib/paraglide/messages';
import { applyHorizon, applySuggestedHorizons, horizonRows, horizonsReady } from '$lib/server/votes/horizons';
import { HorizonError } from '$lib/server/votes/horizon-error';
import { horizonErrorMessage } from '$lib/server/votes/horizon-messages';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { vote } = await requireStaffVote(locals, url, params.id, params.activityId);
	const horizons = vote.kind === 'grid' ? { ready: horizonsReady(vote), rows: await horizonRows(getDb(), vote) } : null;
	return { workshopId: params.id, results: await staffResults(getDb(), vote), horizons };
};

function refusal(e: unknown) {
	if (e instanceof VoteError) return fail(e.code === 'not_found' ? 404 : 400, { message: voteErrorMessage(e.code) });
	if (e instanceof HorizonError) return fail(e.code === 'no_live' ? 503 : 400, { message: horizonErrorMessage(e.code) });
	if (e instanceof WorkshopAccessError) error(404, 'Not found');
	throw e;
}

export const actions: Actions = {
	/** open | close | reopen | reveal | hide */
	command: async ({ locals, url, params, request }) => {
		const { userId } = await requireStaffVote(locals, url, params.id, params.activityId);
		const command = formString(await request.formData(), 'command');
		if (!isVoteCommand(command)) return fail(400, { message: m.votes_error_bad_command() });
		try {
			const vote = await runVoteCommand(getDb(), userId, params.id, params.activityId, command);
			return { status: vote.status, revealed: vote.revealed };
		} catch (e) {
			return refusal(e);
		}
	},
	/** Confirms a validation outcome for one finding. */
	outcome: async ({ locals, url, params, request }) => {
		const { userId } = await requireStaffVote(locals, url, params.id, params.activityId);
		const data = await request.formData();
		try {
			const detail = await recordOutcome(getDb(), userId, params.id, params.activityId, formString(data, 'findingId'), formString(data, 'outcome'));
			await publishWorkshop(getDb(), params.id);
			return { recorded: detail.outcome };
		} catch (e) {
			return refusal(e);
		}
	},
	/** Sets one action point's horizon from a grid vote. */
	horizon: async ({ locals, url, params, request }) => {
		const { userId } = await requireStaffVote(locals, url, params.id, params.activityId);
		const data = await request.formData();
		try {
			await applyHorizon(getDb(), userId, params.id, params.activityId, formString(data, 'actionPointId'), formString(data, 'horizon'));
			return { horizonSaved: formString(data, 'actionPointId') };
		} catch (e) {
			return refusal(e);
		}
	},
	/** Applies every suggested horizon, once confirmed. */
	horizons: async ({ locals, url, params, request }) => {
		const { userId } = await requireStaffVote(locals, url, params.id, params.activityId);
		const data = await request.formData();
		try {
			if (formString(data, 'confirm') !== 'yes') throw new HorizonError('not_confirmed');
			return { horizonsSaved: await applySuggestedHorizons(getDb(), userId, params.id, params.activityId) };
		} catch (e) {
			return refusal(e);
		}
	}
};
