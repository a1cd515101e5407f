import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { registerAccount } from '$lib/server/accounts';
import { InputError } from '$lib/server/input-error';
import { fieldErrors } from '$lib/server/auth/form-messages';
import { startSession } from '$lib/server/auth/sign-in';
import { invalidateSession } from '$lib/server/auth/session';
import { minutesToWait, signinLimits } from '$lib/server/auth/signin-limits';
import { formString } from '$lib/server/form-data';
import { log } from '$lib/server/logger';

/** Open sign-up is off unless the operator turns it on; then the page does not exist. */
function requireSignupEnabled(): void {
	if (!config().signup) error(404, 'Not found');
}

export const load: PageServerLoad = ({ locals }) => {
	requireSignupEnabled();
	if (locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		requireSignupEnabled();
		const data = await event.request.formData();
		const values = {
			displayName: formString(data, 'displayName'),
			email: formString(data, 'email'),
			organisation: formString(data, 'organisation')
		};
		const wait = signinLimits().beginSignup(event.getClientAddress());
		if (wait !== null) {
			log.warn('sign-up rate limited', { ip: event.getClientAddress(), retryAfterSeconds: wait });
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { message: m.signup_rate_limited({ minutes: minutesToWait(wait) }), errors: {}, values });
		}
		const db = getDb();
		let userId: string;
		try {
			const account = await registerAccount(db, { ...values, password: formString(data, 'password') });
			userId = account.user.id;
			log.info('account created by sign-up', { userId, organisationId: account.organisation.id });
		} catch (err) {
			if (err instanceof InputError) {
				return fail(400, { message: m.auth_error_summary(), errors: fieldErrors(err), values });
			}
			log.error('sign-up failed', { error: err });
			return fail(500, { message: m.auth_error_unexpected(), errors: {}, values });
		}
		// The new account replaces whatever session this browser had.
		if (event.locals.session) await invalidateSession(db, event.locals.session.id);
		await startSession(event, db, userId);
		redirect(303, '/');
	}
};
