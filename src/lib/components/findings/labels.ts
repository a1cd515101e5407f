/** Translated labels for the keys a finding holds (statuses, ratings, judgements, evidence kinds). */
import { m } from '$lib/paraglide/messages';
import type { RatingOption } from '$lib/shared/rating-scale';

type Labels = Record<string, () => string>;

export const STATUS_LABELS: Labels = {
	draft: m.findings_status_draft,
	under_review: m.findings_status_under_review,
	validated: m.findings_status_validated,
	contested: m.findings_status_contested,
	revised: m.findings_status_revised
};

const DEFAULT_RATING_LABELS: Labels = {
	in_place: m.findings_rating_in_place,
	partly_in_place: m.findings_rating_partly_in_place,
	not_in_place: m.findings_rating_not_in_place,
	dont_know: m.findings_rating_dont_know
};

export const PRESENCE_LABELS: Labels = {
	yes: m.findings_presence_yes,
	partly: m.findings_presence_partly,
	no: m.findings_presence_no,
	unknown: m.findings_presence_unknown
};

export const EFFECT_LABELS: Labels = {
	positive: m.findings_effect_positive,
	mixed: m.findings_effect_mixed,
	none: m.findings_effect_none,
	negative: m.findings_effect_negative,
	unknown: m.findings_effect_unknown
};

export const CONFIDENCE_LABELS: Labels = {
	low: m.findings_confidence_low,
	medium: m.findings_confidence_medium,
	high: m.findings_confidence_high
};

export const EVIDENCE_KIND_LABELS: Labels = {
	statistic: m.findings_evidence_kind_statistic,
	document: m.findings_evidence_kind_document,
	story: m.findings_evidence_kind_story,
	interview: m.findings_evidence_kind_interview
};

/** The label of `key` in `labels`, the key itself when unknown, or "Not set" for null/empty. */
export function labelOf(labels: Labels, key: string | null | undefined): string {
	if (!key) return m.findings_not_set();
	return labels[key]?.() ?? key;
}

/** A rating's label on the cycle's scale: its own label, or the translated default. */
export function ratingLabel(scale: RatingOption[], key: string | null | undefined): string {
	if (!key) return m.findings_rating_none();
	const option = scale.find((o) => o.key === key);
	return option?.label || DEFAULT_RATING_LABELS[key]?.() || key;
}
