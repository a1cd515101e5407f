/**
 * The shape every findings form action shares: run the change, answer a translated success
 * message, or a 400 with messages per field (InputError), or log and answer 500.
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { InputError } from '../input-error';
import { log } from '../logger';
import { findingFieldErrors } from './messages';

export interface ActionContext {
	/** Which form on the page this answers, so only that form shows the errors. */
	form: string;
	values?: Record<string, string>;
}

export async function runFindingAction(context: ActionContext, change: () => Promise<unknown>, success: string) {
	try {
		await change();
	} catch (err) {
		if (err instanceof InputError) {
			return fail(400, { form: context.form, message: m.findings_error_summary(), errors: findingFieldErrors(err), values: context.values ?? {} });
		}
		log.error('a findings action failed', { form: context.form, error: err });
		return fail(500, { form: context.form, message: m.findings_error_unexpected(), errors: {} as Record<string, string>, values: context.values ?? {} });
	}
	return { form: context.form, success };
}
