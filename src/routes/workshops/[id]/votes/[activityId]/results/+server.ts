import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStaffVote } from '$lib/server/votes/staff-guard';
import { staffResults } from '$lib/server/votes/staff-results';

/** Live results for the facilitator's console (small groups hidden, as everywhere). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { vote } = await requireStaffVote(locals, url, params.id!, params.activityId!);
	return json(await staffResults(getDb(), vote), { headers: { 'cache-control': 'no-store' } });
};
