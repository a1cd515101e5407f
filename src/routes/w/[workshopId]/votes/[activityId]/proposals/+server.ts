import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { currentParticipant } from '$lib/server/require-participant';
import { submitProposal } from '$lib/server/votes/proposals';
import { VoteError } from '$lib/server/votes/vote-error';
import { voteErrorMessage } from '$lib/server/votes/messages';
import { m } from '$lib/paraglide/messages';

/** A participant proposes a new finding or a change: `{ findingId?, statement, reason? }` as JSON. */
export const POST: RequestHandler = async (event) => {
	const me = await currentParticipant(event);
	if (!me) return json({ error: 'not_joined', message: m.votes_error_not_joined() }, { status: 401 });
	const body: unknown = await event.request.json().catch(() => null);
	if (typeof body !== 'object' || body === null) return json({ error: 'bad_request', message: m.votes_error_bad_request() }, { status: 400 });
	try {
		const id = await submitProposal(getDb(), me, event.params.activityId!, body as Record<string, unknown>);
		return json({ ok: true, id });
	} catch (e) {
		if (e instanceof VoteError) return json({ error: e.code, message: voteErrorMessage(e.code) }, { status: e.code === 'not_found' ? 404 : 400 });
		throw e;
	}
};
