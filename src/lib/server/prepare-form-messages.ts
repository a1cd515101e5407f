/**
 * Turns InputError codes from workshop preparation (details, activities, templates) into
 * translated messages for the forms. Apart from the domain modules, which also run outside Paraglide.
 */
import { m } from '$lib/paraglide/messages';
import type { InputError } from './input-error';
import { ACTIVITY_PLAIN_PROMPT_MAX, ACTIVITY_PROMPT_MAX, ACTIVITY_TITLE_MAX, PLANNED_MINUTES_MAX, PLANNED_MINUTES_MIN } from '$lib/shared/agenda';
import { PURPOSE_MAX, ROLE_GROUP_LABEL_MAX, ROLE_GROUPS_MAX } from '$lib/shared/workshop-details';
import { WORKSHOP_TITLE_MAX } from '$lib/shared/workshop-title';

type Messages = Record<string, () => string>;

const ACTIVITY: Messages = {
	type_invalid: () => m.activity_error_type_invalid(),
	title_required: () => m.activity_error_title_required(),
	title_too_long: () => m.activity_error_title_too_long({ max: ACTIVITY_TITLE_MAX }),
	prompt_too_long: () => m.activity_error_prompt_too_long({ max: ACTIVITY_PROMPT_MAX }),
	plain_prompt_too_long: () => m.plain_prompt_error_too_long({ max: ACTIVITY_PLAIN_PROMPT_MAX }),
	minutes_invalid: () => m.activity_error_minutes_invalid({ min: PLANNED_MINUTES_MIN, max: PLANNED_MINUTES_MAX }),
	anonymity_invalid: () => m.activity_error_anonymity_invalid()
};

const DETAILS: Messages = {
	title_required: () => m.prepare_error_title_required(),
	title_too_long: () => m.prepare_error_title_too_long({ max: WORKSHOP_TITLE_MAX }),
	date_invalid: () => m.prepare_error_date_invalid(),
	language_invalid: () => m.prepare_error_language_invalid(),
	purpose_too_long: () => m.prepare_error_purpose_too_long({ max: PURPOSE_MAX }),
	role_groups_required: () => m.prepare_error_role_groups_required(),
	role_groups_too_many: () => m.prepare_error_role_groups_too_many({ max: ROLE_GROUPS_MAX }),
	role_group_too_long: () => m.prepare_error_role_group_too_long({ max: ROLE_GROUP_LABEL_MAX }),
	role_groups_duplicate: () => m.prepare_error_role_groups_duplicate(),
	expected_unknown: () => m.prepare_error_expected_unknown(),
	role_group_kind_invalid: () => m.prepare_error_role_group_kind_invalid()
};

function translate(error: InputError, messages: Messages): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(error.issues)) out[field] = (messages[code] ?? m.prepare_error_unexpected)();
	return out;
}

/** One message per activity field with a problem. */
export function activityFieldErrors(error: InputError): Record<string, string> {
	return translate(error, ACTIVITY);
}

/** One message per workshop-details field with a problem (also the template's title). */
export function detailsFieldErrors(error: InputError): Record<string, string> {
	return translate(error, DETAILS);
}
