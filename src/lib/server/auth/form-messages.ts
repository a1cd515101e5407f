/**
 * Turns InputError codes from the account modules into translated messages for the forms.
 * Kept apart from those modules because they also run in the CLI, outside Paraglide.
 */
import { m } from '$lib/paraglide/messages';
import type { InputError } from '../input-error';
import {
	DISPLAY_NAME_MAX_LENGTH,
	ORGANISATION_NAME_MAX_LENGTH,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH
} from '$lib/shared/account-rules';

const MESSAGES: Record<string, () => string> = {
	email_invalid: () => m.auth_issue_email_invalid(),
	email_taken: () => m.auth_issue_email_taken(),
	display_name_required: () => m.auth_issue_display_name_required(),
	display_name_too_long: () => m.auth_issue_display_name_too_long({ max: DISPLAY_NAME_MAX_LENGTH }),
	password_too_short: () => m.auth_issue_password_too_short({ min: PASSWORD_MIN_LENGTH }),
	password_too_long: () => m.auth_issue_password_too_long({ max: PASSWORD_MAX_LENGTH }),
	organisation_required: () => m.auth_issue_organisation_required(),
	organisation_too_long: () => m.auth_issue_organisation_too_long({ max: ORGANISATION_NAME_MAX_LENGTH })
};

/** One message per field with a problem, for display beside that field. */
export function fieldErrors(error: InputError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(error.issues)) {
		out[field] = (MESSAGES[code] ?? (() => m.auth_error_unexpected()))();
	}
	return out;
}
