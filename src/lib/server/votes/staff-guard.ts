/** Route guard for the staff vote routes: a facilitator of the workshop and a vote of it; else 404. */
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { requireFacilitator } from '../live/require-facilitator';
import { readVote, type VoteView } from './read';

export async function requireStaffVote(locals: App.Locals, url: URL, workshopId: string, activityId: string): Promise<{ userId: string; vote: VoteView }> {
	const { user, workshop } = await requireFacilitator(locals, url, workshopId);
	const vote = await readVote(getDb(), workshop.id, activityId);
	if (!vote) error(404, 'Not found');
	return { userId: user.id, vote };
}
