import type { LayoutServerLoad } from './$types';

/** Only what the header shows: the rest of the session stays on the server. */
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { displayName: locals.user.displayName, email: locals.user.email } : null
});
