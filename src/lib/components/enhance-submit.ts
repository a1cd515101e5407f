/**
 * The `use:enhance` callback shared by the account forms: marks the form busy while it posts,
 * follows a redirect with a full page load,
 * keeps what was typed on failure, and then moves focus to the first field with an error
 * (its label and message are read out) so keyboard users do not have to hunt for it.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export interface SubmitState {
	busy: boolean;
}

/** A SubmitFunction that keeps `state.busy` true while the form is posting. */
export function enhanceSubmit(state: SubmitState): SubmitFunction {
	return ({ formElement }) => {
		state.busy = true;
		return async ({ result, update }) => {
			// Signing in or up may switch the interface language (the account's setting): load the
			// next page afresh so the whole document, `<html lang>` included, is in that language.
			if (result.type === 'redirect') {
				location.assign(result.location);
				return;
			}
			await update({ reset: false });
			state.busy = false;
			if (result.type !== 'failure') return;
			await tick();
			formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
		};
	};
}
