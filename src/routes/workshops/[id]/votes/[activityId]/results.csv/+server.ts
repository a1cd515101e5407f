import type { RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStaffVote } from '$lib/server/votes/staff-guard';
import { voteResults } from '$lib/server/votes/activity-results';
import { resultsCsv } from '$lib/server/votes/results-csv';
import { m } from '$lib/paraglide/messages';

/** The results as CSV (format in docs/votes.md), with the same suppression as on screen. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { vote } = await requireStaffVote(locals, url, params.id!, params.activityId!);
	const csv = resultsCsv(await voteResults(getDb(), vote), m.votes_hidden_group());
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="vote-results-${vote.activityId}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
