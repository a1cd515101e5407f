import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';

/** GET only asks: signing out on GET would let any link or prefetch sign people out. */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/signin');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(getDb(), event.locals.session.id);
		deleteSessionCookie(event);
		event.locals.user = null;
		event.locals.session = null;
		redirect(303, '/signin');
	}
};
