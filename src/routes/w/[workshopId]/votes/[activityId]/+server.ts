import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { currentParticipant } from '$lib/server/require-participant';
import { castBallot, BallotError, mayAnswer } from '$lib/server/votes/ballots';
import { VoteError } from '$lib/server/votes/vote-error';
import { ownBallots, readVote } from '$lib/server/votes/read';
import { publishSoon } from '$lib/server/votes/publish-soon';
import { ballotErrorMessage, voteErrorMessage } from '$lib/server/votes/messages';
import { m } from '$lib/paraglide/messages';

/** The participant's own ballots in this vote, and whether they may answer it, for their phone. */
export const GET: RequestHandler = async (event) => {
	const me = await currentParticipant(event);
	if (!me) return json({ error: 'not_joined', message: m.votes_error_not_joined() }, { status: 401 });
	const vote = await readVote(getDb(), me.workshopId, event.params.activityId!);
	if (!vote) return json({ error: 'not_found', message: voteErrorMessage('not_found') }, { status: 404 });
	return json({ ballots: await ownBallots(getDb(), vote.activityId, me.id), eligible: mayAnswer(vote, me.roleGroup) });
};

/** Casts or changes a ballot: `{ itemKey, value, reason? }` as JSON. */
export const POST: RequestHandler = async (event) => {
	const me = await currentParticipant(event);
	if (!me) return json({ error: 'not_joined', message: m.votes_error_not_joined() }, { status: 401 });
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return json({ error: 'bad_request', message: m.votes_error_bad_request() }, { status: 400 });
	}
	const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
	try {
		const { itemKey } = await castBallot(getDb(), me, event.params.activityId!, { itemKey: input.itemKey, value: input.value, reason: input.reason });
		publishSoon(getDb(), me.workshopId);
		return json({ ok: true, itemKey });
	} catch (e) {
		if (e instanceof BallotError) return json({ error: e.code, message: ballotErrorMessage(e.code) }, { status: 400 });
		if (e instanceof VoteError) return json({ error: e.code, message: voteErrorMessage(e.code) }, { status: e.code === 'not_found' ? 404 : e.code === 'not_eligible' ? 403 : 409 });
		throw e;
	}
};
