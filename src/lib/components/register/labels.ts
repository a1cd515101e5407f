/** Translated labels for the keys a register entry holds (types, horizons, competences, statuses). */
import { m } from '$lib/paraglide/messages';

type Labels = Record<string, () => string>;

export const TYPE_LABELS: Labels = {
	policy: m.register_type_policy,
	participation: m.register_type_participation,
	accessibility: m.register_type_accessibility,
	capacity: m.register_type_capacity,
	coordination: m.register_type_coordination,
	practical: m.register_type_practical
};

export const HORIZON_LABELS: Labels = {
	quick_win: m.register_horizon_quick_win,
	strategic: m.register_horizon_strategic
};

export const COMPETENCE_LABELS: Labels = {
	city: m.register_competence_city,
	regional_national: m.register_competence_regional_national
};

export const STATUS_LABELS: Labels = {
	planned: m.register_status_planned,
	in_progress: m.register_status_in_progress,
	done: m.register_status_done,
	stuck: m.register_status_stuck,
	dropped: m.register_status_dropped
};

/** The label for `key`, or the key itself when it is unknown (a hand-edited row). */
export function labelOf(labels: Labels, key: string): string {
	return labels[key]?.() ?? key;
}

/** Options for a select from a list of keys. */
export function optionsOf(labels: Labels, keys: readonly string[]): { value: string; label: string }[] {
	return keys.map((k) => ({ value: k, label: labelOf(labels, k) }));
}
