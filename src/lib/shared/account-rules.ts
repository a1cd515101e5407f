/**
 * Rules for account fields, shared by the forms (length attributes) and the server (validation).
 * Validators return an issue code, not a sentence: the server turns codes into translated messages.
 */

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const ORGANISATION_NAME_MAX_LENGTH = 120;

export type AccountIssue =
	| 'email_invalid'
	| 'email_taken'
	| 'display_name_required'
	| 'display_name_too_long'
	| 'password_too_short'
	| 'password_too_long'
	| 'organisation_required'
	| 'organisation_too_long';

/** Characters as people count them (code points), so an emoji is one, not two. */
function lengthOf(value: string): number {
	return Array.from(value).length;
}

/** Trims and lower-cases an email so one address maps to one account. */
export function normaliseEmail(raw: string): string {
	return raw.trim().toLowerCase();
}

/**
 * A deliberately loose check (something@something.something, no spaces): the real test of an
 * address is whether mail arrives, and strict patterns reject valid addresses.
 */
export function checkEmail(email: string): AccountIssue | null {
	if (email.length === 0 || email.length > EMAIL_MAX_LENGTH) return 'email_invalid';
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'email_invalid';
}

/** Checks a display name that has already been trimmed. */
export function checkDisplayName(name: string): AccountIssue | null {
	if (name.length === 0) return 'display_name_required';
	return lengthOf(name) > DISPLAY_NAME_MAX_LENGTH ? 'display_name_too_long' : null;
}

/** Checks a password's length; any characters are allowed, spaces included. */
export function checkPassword(password: string): AccountIssue | null {
	const n = lengthOf(password);
	if (n < PASSWORD_MIN_LENGTH) return 'password_too_short';
	return n > PASSWORD_MAX_LENGTH ? 'password_too_long' : null;
}

/** Checks an organisation name that has already been trimmed. */
export function checkOrganisationName(name: string): AccountIssue | null {
	if (name.length === 0) return 'organisation_required';
	return lengthOf(name) > ORGANISATION_NAME_MAX_LENGTH ? 'organisation_too_long' : null;
}
