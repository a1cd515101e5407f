import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getJoinWorkshop } from '$lib/server/join-credentials';
import { deleteParticipantCookie } from '$lib/server/participant-cookie';
import { requireParticipant } from '$lib/server/require-participant';
import { docName, mineDocName } from '$lib/shared/protocol';

export const load: PageServerLoad = async (event) => {
	const participant = await requireParticipant(event);
	const workshop = await getJoinWorkshop(getDb(), participant.workshopId);
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
