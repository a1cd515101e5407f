import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { getDb } from '$lib/server/db';
import { formString } from '$lib/server/form-data';
import { InputError } from '$lib/server/input-error';
import { JoinError } from '$lib/server/join-error';
import { findWorkshopForJoin, type JoinWorkshop } from '$lib/server/join-credentials';
import { authenticateParticipant, DISPLAY_NAME_MAX, joinWorkshop, PARTICIPANT_ORGANISATION_MAX } from '$lib/server/participants';
import { deleteParticipantCookie, participantToken, setParticipantCookie } from '$lib/server/participant-cookie';
import { log } from '$lib/server/logger';

/** The workshop this link opens; a 404 (with a way to /join) for unknown or replaced links. */
async function workshopFor(token: string): Promise<JoinWorkshop> {
	const found = await findWorkshopForJoin(getDb(), { token });
	if (!found) error(404, 'Not found');
	return found;
}

/** Rejoining on the same device: a participant cookie that still works skips the form. */
async function redirectIfJoined(event: RequestEvent, workshopId: string): Promise<void> {
	const token = participantToken(event, workshopId);
	if (!token) return;
	if (await authenticateParticipant(getDb(), workshopId, token)) redirect(303, `/w/${workshopId}`);
	deleteParticipantCookie(event, workshopId);
}

/** Each language named in itself, as people look for their own. */
function languageOptions(): { tag: string; label: string }[] {
	return locales.map((tag) => ({ tag, label: new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag }));
}

export const load: PageServerLoad = async (event) => {
	// The token is in this page's URL: never send it on to another site as a Referer.
	event.setHeaders({ 'referrer-policy': 'no-referrer' });
	const workshop = await workshopFor(event.params.token);
	await redirectIfJoined(event, workshop.id);
	return {
		workshop: { title: workshop.title, purpose: workshop.purpose },
		joiningOpen: workshop.joiningOpen,
		roleGroups: workshop.roleGroups,
		languages: languageOptions(),
		// The language this page is shown in: a cookie from an earlier choice, else the browser's.
		defaultLanguage: getLocale(),
		limits: { displayName: DISPLAY_NAME_MAX, organisation: PARTICIPANT_ORGANISATION_MAX }
	};
};

const issueMessages: Record<string, () => string> = {
	display_name_required: () => m.join_error_display_name_required(),
	display_name_too_long: () => m.join_error_display_name_too_long({ max: DISPLAY_NAME_MAX }),
	role_group_unknown: () => m.join_error_role_group_unknown(),
	organisation_too_long: () => m.join_error_organisation_too_long({ max: PARTICIPANT_ORGANISATION_MAX }),
	language_invalid: () => m.join_error_language_invalid()
};

export const actions: Actions = {
	default: async (event) => {
		const workshop = await workshopFor(event.params.token);
		await redirectIfJoined(event, workshop.id);
		const data = await event.request.formData();
		const anonymous = data.has('anonymous');
		const language = formString(data, 'language');
		const values = {
			displayName: formString(data, 'displayName').slice(0, 200),
			anonymous,
			roleGroup: formString(data, 'roleGroup'),
			organisation: formString(data, 'organisation').slice(0, 500),
			acknowledgeOrganisation: data.has('acknowledgeOrganisation'),
			language
		};
		let token: string;
		try {
			// Only the app's own languages: the participant's choice later picks the interface language.
			if (!isLocale(language)) throw new InputError({ language: 'language_invalid' });
			const joined = await joinWorkshop(getDb(), workshop.id, {
				displayName: anonymous ? null : values.displayName,
				roleGroup: values.roleGroup,
				organisation: values.organisation,
				acknowledgeOrganisation: values.acknowledgeOrganisation,
				language
			});
			token = joined.token;
		} catch (err) {
			if (err instanceof InputError) {
				const errors = Object.fromEntries(Object.entries(err.issues).map(([field, code]) => [field, issueMessages[code]?.() ?? code]));
				return fail(400, { values, errors, message: m.join_error_summary() });
			}
			if (err instanceof JoinError && err.code === 'closed') return fail(409, { values, errors: {}, message: m.join_error_closed() });
			log.error('joining a workshop failed', { workshopId: workshop.id, error: err });
			return fail(500, { values, errors: {}, message: m.join_error_unexpected() });
		}
		setParticipantCookie(event, workshop.id, token);
		// The language chosen at join is the interface language on this device from now on.
		setLocaleCookie(event.cookies, language as Locale);
		redirect(303, `/w/${workshop.id}`);
	}
};
