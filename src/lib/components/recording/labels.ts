/** Translated words for validation outcomes and the groups of a validation snapshot. */
import { m } from '$lib/paraglide/messages';
import { groupLabel } from '$lib/components/votes/labels';

/** What the page shows of a validation (the server's ValidationSnapshot). */
export interface ValidationView {
	outcome: string;
	tallies: { group: string; label: string; voters: number | null; counts: { endorse: number; endorse_changes: number; object: number } }[];
	objections: { text: string; attribution: string }[];
	changes: { text: string; attribution: string }[];
}

const OUTCOMES: Record<string, () => string> = {
	endorsed: m.recording_outcome_endorsed,
	endorsed_with_changes: m.recording_outcome_endorsed_with_changes,
	not_endorsed: m.recording_outcome_not_endorsed,
	too_few_answers: m.recording_outcome_too_few_answers
};

/** The outcome in words; "not validated yet" when there is none. */
export function outcomeLabel(outcome: string | null | undefined): string {
	return outcome ? (OUTCOMES[outcome]?.() ?? outcome) : m.recording_outcome_none();
}

/** A snapshot's group (`all`, `kind:<kind>`, `group:<label>`) in words. */
export function snapshotGroupLabel(group: string, label: string): string {
	if (group === 'all') return m.recording_group_all();
	return groupLabel({ scope: group.startsWith('kind:') ? 'kind' : 'role_group', name: label });
}

const WHY_NOT: Record<string, () => string> = {
	not_endorsed: m.recording_why_not_endorsed,
	too_few_answers: m.recording_why_too_few_answers,
	not_validated: m.recording_why_not_validated
};

/** Why a point cannot be recorded, in words ('' when it can). */
export function whyNotLabel(state: string): string {
	return WHY_NOT[state]?.() ?? '';
}
