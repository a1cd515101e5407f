/**
 * The register's issue codes as translated messages, and the shape every register form action
 * shares: run the change, answer a success message, or a 400 with messages per field, or a 500.
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { InputError } from '../input-error';
import { log } from '../logger';
import { FIELD_MAX, INDICATORS_MAX, NOTE_MAX, TEXT_MAX, TITLE_MAX } from '$lib/shared/action-rules';
import { RegisterAccessError } from './access';
import { rethrowRegisterAccess } from './route-guard';

const MESSAGES: Record<string, () => string> = {
	title_missing: () => m.register_error_title_missing(),
	type_unknown: () => m.register_error_choice_unknown(),
	horizon_unknown: () => m.register_error_choice_unknown(),
	competence_unknown: () => m.register_error_choice_unknown(),
	deadline_invalid: () => m.register_error_deadline_invalid(),
	indicators_too_many: () => m.register_error_indicators_too_many({ max: INDICATORS_MAX }),
	indicator_name_missing: () => m.register_error_indicator_name_missing(),
	status_not_allowed: () => m.register_error_status_not_allowed(),
	reason_missing: () => m.register_error_reason_missing(),
	progress_invalid: () => m.register_error_progress_invalid(),
	nothing_changed: () => m.register_error_nothing_changed(),
	cycle_unknown: () => m.register_error_choice_unknown(),
	workshop_unknown: () => m.register_error_choice_unknown(),
	source_key_invalid: () => m.register_error_unexpected(),
	entry_not_found: () => m.register_error_entry_not_found()
};

const MAX_BY_FIELD: Record<string, number> = { title: TITLE_MAX, department: FIELD_MAX, ownerName: FIELD_MAX, indicators: FIELD_MAX, reason: NOTE_MAX, note: NOTE_MAX };

/** Field → translated message for an InputError from the register module. */
export function registerFieldErrors(error: InputError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(error.issues)) {
		out[field] = code === 'too_long' ? m.register_error_too_long({ max: MAX_BY_FIELD[field] ?? TEXT_MAX }) : (MESSAGES[code] ?? m.register_error_unexpected)();
	}
	return out;
}

export interface ActionContext {
	form: string;
	values?: Record<string, string>;
}

/** Runs a register change for a form action. */
export async function runRegisterAction(context: ActionContext, change: () => Promise<unknown>, success: string) {
	try {
		await change();
	} catch (err) {
		if (err instanceof RegisterAccessError) rethrowRegisterAccess(err);
		if (err instanceof InputError) {
			return fail(400, { form: context.form, message: m.register_error_summary(), errors: registerFieldErrors(err), values: context.values ?? {} });
		}
		log.error('a register action failed', { form: context.form, error: err });
		return fail(500, { form: context.form, message: m.register_error_unexpected(), errors: {} as Record<string, string>, values: context.values ?? {} });
	}
	return { form: context.form, success };
}
