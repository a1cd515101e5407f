import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { AlreadySetUpError, createFirstAccount, hasAccounts, isSetUp } from '$lib/server/setup';
import { InputError } from '$lib/server/input-error';
import { fieldErrors } from '$lib/server/auth/form-messages';
import { startSession } from '$lib/server/auth/sign-in';
import { formString } from '$lib/server/form-data';
import { log } from '$lib/server/logger';

/** Only reachable on a fresh database; afterwards accounts sign in. */
export const load: PageServerLoad = async () => {
	const db = getDb();
	if (await isSetUp(db)) redirect(303, '/signin');
	return { demo: await hasAccounts(db) };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		if (await isSetUp(db)) redirect(303, '/signin');
		const data = await event.request.formData();
		const values = {
			displayName: formString(data, 'displayName'),
			email: formString(data, 'email'),
			organisation: formString(data, 'organisation')
		};
		let userId: string;
		try {
			const account = await createFirstAccount(db, { ...values, password: formString(data, 'password') });
			userId = account.user.id;
			log.info('first account created', { userId, organisationId: account.organisation.id });
		} catch (error) {
			// Someone else finished setup between our check and the insert.
			if (error instanceof AlreadySetUpError) redirect(303, '/signin');
			if (error instanceof InputError) {
				return fail(400, { message: m.auth_error_summary(), errors: fieldErrors(error), values });
			}
			log.error('setup failed', { error });
			return fail(500, { message: m.auth_error_unexpected(), errors: {}, values });
		}
		await startSession(event, db, userId);
		redirect(303, '/');
	}
};
