import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { chosenLocale, setLocaleCookie } from '$lib/server/locale-cookie';
import { safeRedirectTarget } from '$lib/server/auth/redirect-target';
import { formString } from '$lib/server/form-data';

/** Only the form posts here; a visit goes home. */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Switches the interface language on this device, and for a signed-in person on every device. */
	default: async ({ request, cookies, locals }) => {
		const data = await request.formData();
		const locale = chosenLocale(formString(data, 'locale'));
		if (!locale) error(400, 'Unknown language');
		setLocaleCookie(cookies, locale);
		if (locals.user) await getDb().update(user).set({ locale }).where(eq(user.id, locals.user.id));
		redirect(303, safeRedirectTarget(formString(data, 'returnTo')));
	}
};
