/** Words for the validation of action points: stances, attributions, outcomes. */
import { m } from '$lib/paraglide/messages';

const STANCES: Record<string, () => string> = {
	endorse: m.validation_stance_endorse,
	endorse_changes: m.validation_stance_endorse_changes,
	object: m.validation_stance_object
};
const ATTRIBUTIONS: Record<string, () => string> = {
	named: m.validation_attribution_named,
	role_group: m.validation_attribution_role_group,
	anonymous: m.validation_attribution_anonymous
};
const OUTCOMES: Record<string, () => string> = {
	endorsed: m.validation_outcome_endorsed,
	endorsed_with_changes: m.validation_outcome_endorsed_with_changes,
	not_endorsed: m.validation_outcome_not_endorsed,
	too_few_answers: m.validation_outcome_too_few_answers
};

export const stanceLabel = (stance: string): string => STANCES[stance]?.() ?? stance;
export const attributionLabel = (attribution: string): string => ATTRIBUTIONS[attribution]?.() ?? attribution;
export const outcomeLabel = (outcome: string): string => OUTCOMES[outcome]?.() ?? outcome;
