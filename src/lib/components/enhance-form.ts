/**
 * The `use:enhance` callback of the staff forms (preparation, assessment): keeps what was typed when the server
 * says no and moves focus to the first field with an error; on success it can clear the form
 * and hand over to `onSuccess`, which puts focus where the next step starts.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export interface FormBusy {
	busy: boolean;
}

export interface EnhanceOptions {
	busy?: FormBusy;
	/** Clear the fields after a success (adding another activity starts from a blank form). */
	reset?: boolean;
	onSuccess?: (form: HTMLFormElement, submitter: HTMLElement | null) => void;
}

/** A SubmitFunction with the behaviour above. */
export function enhanceForm(options: EnhanceOptions = {}): SubmitFunction {
	return ({ formElement, submitter }) => {
		if (options.busy) options.busy.busy = true;
		return async ({ result, update }) => {
			await update({ reset: options.reset === true });
			if (options.busy) options.busy.busy = false;
			await tick();
			if (result.type === 'failure') formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			// After a success SvelteKit resets focus, and when the URL has a #fragment it does so in a
			// timeout; a timeout queued now runs after that one, so our focus is the one that stays.
			else if (result.type === 'success') setTimeout(() => options.onSuccess?.(formElement, submitter));
		};
	};
}
