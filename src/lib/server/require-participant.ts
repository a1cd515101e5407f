/**
 * The participant a request comes from, for routes under /w/<workshopId>. Anyone else goes to
 * /join; the answer is the same for "no such workshop", "no cookie" and "removed", so a route
 * reveals nothing to outsiders.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from './db';
import { authenticateParticipant, type Participant } from './participants';
import { deleteParticipantCookie, participantToken } from './participant-cookie';

/** The participant, or null (and a stale cookie removed); for endpoints that answer 401 themselves. */
export async function currentParticipant(event: RequestEvent): Promise<Participant | null> {
	const workshopId = event.params.workshopId ?? '';
	const token = participantToken(event, workshopId);
	const participant = token ? await authenticateParticipant(getDb(), workshopId, token) : null;
	if (!participant && token) deleteParticipantCookie(event, workshopId);
	return participant;
}

/** The participant, or a redirect to /join. */
export async function requireParticipant(event: RequestEvent): Promise<Participant> {
	const participant = await currentParticipant(event);
	if (participant) return participant;
	redirect(303, '/join');
}
