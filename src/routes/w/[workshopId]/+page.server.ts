import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getJoinWorkshop } from '$lib/server/join-credentials';
import { authenticateParticipant, type Participant } from '$lib/server/participants';
import { deleteParticipantCookie, participantToken } from '$lib/server/participant-cookie';
import { docName, mineDocName } from '$lib/shared/protocol';

/**
 * The participant this device joined as; anyone else goes to /join. The answer is the same for
 * "no such workshop", "no cookie" and "removed", so the page reveals nothing to outsiders.
 */
function requireParticipant(event: RequestEvent): Participant {
	const workshopId = event.params.workshopId ?? '';
	const token = participantToken(event, workshopId);
	const participant = token ? authenticateParticipant(getDb(), workshopId, token) : null;
	if (participant) return participant;
	if (token) deleteParticipantCookie(event, workshopId);
	redirect(303, '/join');
}

export const load: PageServerLoad = (event) => {
	const participant = requireParticipant(event);
	const workshop = getJoinWorkshop(getDb(), participant.workshopId);
	if (!workshop) redirect(303, '/join');
	return {
		workshop: { id: workshop.id, title: workshop.title },
		participant: { displayName: participant.displayName, roleGroup: participant.roleGroup },
		docs: {
			control: docName('control', workshop.id),
			board: docName('board', workshop.id),
			mine: mineDocName(workshop.id, participant.id)
		}
	};
};

export const actions: Actions = {
	/** Forgets the workshop on this device only; the participant row (and what they wrote) stays. */
	leave: (event) => {
		deleteParticipantCookie(event, event.params.workshopId);
		redirect(303, '/join?left');
	}
};
