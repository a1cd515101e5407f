import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStaffVote } from '$lib/server/votes/staff-guard';
import { horizonRows, horizonsReady } from '$lib/server/votes/horizons';

/** The action points of a grid vote with their suggested and current horizons, for the console. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { vote } = await requireStaffVote(locals, url, params.id!, params.activityId!);
	return json({ ready: horizonsReady(vote), rows: await horizonRows(getDb(), vote) }, { headers: { 'cache-control': 'no-store' } });
};
