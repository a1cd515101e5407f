import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { hasAccounts, isSetUp } from '$lib/server/setup';
import { verifyCredentials } from '$lib/server/users';
import { invalidateSession } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/sign-in';
import { minutesToWait, signinLimits } from '$lib/server/auth/signin-limits';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { applyStoredLocale } from '$lib/server/user-locale';
import { formString } from '$lib/server/form-data';
import { normaliseEmail } from '$lib/shared/account-rules';
import { log } from '$lib/server/logger';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	if (!(await hasAccounts(db))) redirect(303, '/setup');
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { signup: config().signup, setupOpen: !(await isSetUp(db)) };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		if (!(await hasAccounts(db))) redirect(303, '/setup');
		const data = await event.request.formData();
		const email = normaliseEmail(formString(data, 'email'));
		const password = formString(data, 'password');
		const values = { email };
		if (email === '' || password === '') {
			return fail(400, { message: m.signin_missing(), values });
		}

		const limits = signinLimits();
		const wait = limits.beginSignin(event.getClientAddress(), email);
		if (wait !== null) {
			log.warn('sign-in rate limited', { ip: event.getClientAddress(), retryAfterSeconds: wait });
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { message: m.signin_rate_limited({ minutes: minutesToWait(wait) }), values });
		}
		const user = await verifyCredentials(db, email, password);
		limits.endSignin(email, user !== null);
		if (!user) {
			log.info('sign-in failed', { ip: event.getClientAddress() });
			return fail(400, { message: m.signin_invalid(), values });
		}

		// A new sign-in replaces whatever session this browser had.
		if (event.locals.session) await invalidateSession(db, event.locals.session.id);
		await startSession(event, db, user.id);
		await applyStoredLocale(event.cookies, db, user.id);
		log.info('signed in', { userId: user.id });
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
