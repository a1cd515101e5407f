/** Route guard: pages that need an account send signed-out visitors to the sign-in page. */
import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './auth/session';

/**
 * The signed-in user, or a 303 to /signin that remembers where the visitor was going
 * (as `redirectTo`, a same-site path only).
 */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (locals.user) return locals.user;
	const back = url.pathname + url.search;
	redirect(303, back === '/' ? '/signin' : `/signin?redirectTo=${encodeURIComponent(back)}`);
}
