/** Translated messages for the case-study forms' issue codes. */
import { m } from '$lib/paraglide/messages';
import type { InputError } from './input-error';

const MESSAGES: Record<string, () => string> = {
	title_required: m.case_error_title_required,
	title_too_long: m.case_error_title_too_long,
	not_case_study: m.case_error_not_case_study,
	right_label_required: m.case_error_right_label_required,
	right_label_too_long: m.case_error_right_label_too_long,
	right_label_duplicate: m.case_error_right_label_duplicate
};

/** One translated message per field of an InputError. */
export function caseFieldErrors(error: InputError): Record<string, string> {
	return Object.fromEntries(Object.entries(error.issues).map(([field, code]) => [field, (MESSAGES[code] ?? m.case_error_summary)()]));
}
