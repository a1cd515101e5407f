/** Choices of an action point with their translated labels (the register's, so both read the same). */
import { ACTION_TYPES, COMPETENCES, HORIZONS } from '$lib/shared/action-rules';
import { COMPETENCE_LABELS, HORIZON_LABELS, TYPE_LABELS, labelOf, optionsOf } from '$lib/components/register/labels';
import type { ActionChoiceField } from '$lib/shared/action-point-doc';

export type SelectField = Exclude<ActionChoiceField, 'deadline'>;

export const CHOICE_OPTIONS: Record<SelectField, () => { value: string; label: string }[]> = {
	type: () => optionsOf(TYPE_LABELS, ACTION_TYPES),
	horizon: () => optionsOf(HORIZON_LABELS, HORIZONS),
	competence: () => optionsOf(COMPETENCE_LABELS, COMPETENCES)
};

export const typeLabel = (key: string) => labelOf(TYPE_LABELS, key);
export const horizonLabel = (key: string) => labelOf(HORIZON_LABELS, key);
export const competenceLabel = (key: string) => labelOf(COMPETENCE_LABELS, key);
