import { json, type RequestHandler } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { currentParticipant } from '$lib/server/require-participant';
import { actionPointLinks } from '$lib/server/action-points/links';

/** The findings and case studies this workshop's action points may link to, for a participant's phone. */
export const GET: RequestHandler = async (event) => {
	const me = await currentParticipant(event);
	if (!me) return json({ error: 'not_joined' }, { status: 401 });
	return json(await actionPointLinks(getDb(), me.workshopId));
};
