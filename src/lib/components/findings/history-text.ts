/**
 * Readable text for history entries: what happened, which fields changed from what to what, and
 * for workshop validations the outcome, the tallies per role group and the minority's reasons.
 */
import { m } from '$lib/paraglide/messages';
import type { RatingOption } from '$lib/shared/rating-scale';
import { CONFIDENCE_LABELS, EFFECT_LABELS, EVIDENCE_KIND_LABELS, PRESENCE_LABELS, STATUS_LABELS, labelOf, ratingLabel } from './labels';

export interface HistoryEntryView {
	action: string;
	detail: Record<string, unknown>;
}

const FIELD_LABELS: Record<string, () => string> = {
	statement: m.findings_field_statement,
	rating: m.findings_field_rating,
	onPaper: m.findings_field_on_paper,
	inPractice: m.findings_field_in_practice,
	effect: m.findings_field_effect,
	confidence: m.findings_field_confidence,
	status: m.findings_field_status_name,
	kind: m.findings_evidence_field_kind,
	text: m.findings_evidence_field_text,
	source: m.findings_evidence_field_source,
	date: m.findings_evidence_field_date,
	holder: m.findings_evidence_field_holder,
	url: m.findings_evidence_field_url,
	position: m.findings_history_position
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function valueText(field: string, value: unknown, scale: RatingOption[]): string {
	if (value === null || value === undefined || value === '') return m.findings_history_empty_value();
	const key = str(value);
	switch (field) {
		case 'rating':
			return ratingLabel(scale, key);
		case 'status':
			return labelOf(STATUS_LABELS, key);
		case 'onPaper':
		case 'inPractice':
			return labelOf(PRESENCE_LABELS, key);
		case 'effect':
			return labelOf(EFFECT_LABELS, key);
		case 'confidence':
			return labelOf(CONFIDENCE_LABELS, key);
		case 'kind':
			return labelOf(EVIDENCE_KIND_LABELS, key);
		default:
			return key;
	}
}

/** "Field: from → to" for each recorded change. */
export function changeLines(entry: HistoryEntryView, scale: RatingOption[]): string[] {
	const changes = entry.detail.changes;
	if (!changes || typeof changes !== 'object') return [];
	return Object.entries(changes as Record<string, unknown>).flatMap(([field, pair]) => {
		if (!Array.isArray(pair) || pair.length !== 2) return [];
		const label = FIELD_LABELS[field]?.() ?? field;
		return [m.findings_history_change({ field: label, from: valueText(field, pair[0], scale), to: valueText(field, pair[1], scale) })];
	});
}

function evidenceKind(detail: Record<string, unknown>): string {
	const evidence = detail.evidence as Record<string, unknown> | undefined;
	return labelOf(EVIDENCE_KIND_LABELS, str(detail.kind) || str(evidence?.kind));
}

/** The one-line title of an entry. */
export function entryTitle(entry: HistoryEntryView, scale: RatingOption[]): string {
	const d = entry.detail;
	switch (entry.action) {
		case 'created':
			return m.findings_history_created({ code: str(d.itemCode) });
		case 'imported':
			return m.findings_history_imported({ row: str(d.row) });
		case 'edited':
			return m.findings_history_edited();
		case 'status_changed':
			return m.findings_history_status_changed();
		case 'evidence_added':
			return m.findings_history_evidence_added({ kind: evidenceKind(d) });
		case 'evidence_edited':
			return m.findings_history_evidence_edited({ kind: evidenceKind(d) });
		case 'evidence_removed':
			return m.findings_history_evidence_removed({ kind: evidenceKind(d) });
		case 'evidence_moved':
			return m.findings_history_evidence_moved({ kind: evidenceKind(d) });
		case 'proposal_accepted':
			return m.findings_history_proposal_accepted({ group: str(d.roleGroup) || m.findings_proposals_group_unknown() });
		case 'workshop_validation':
			return m.findings_history_workshop_validation({ outcome: valueText('status', d.outcome, scale) });
		default:
			return m.findings_history_other({ action: entry.action });
	}
}

/** For workshop validations: one line per role group with its voters and counts per option. */
export function tallyLines(entry: HistoryEntryView, scale: RatingOption[]): string[] {
	const tallies = entry.detail.tallies;
	if (entry.action !== 'workshop_validation' || !Array.isArray(tallies)) return [];
	return tallies.map((t: Record<string, unknown>) => {
		const counts = t.counts && typeof t.counts === 'object' ? Object.entries(t.counts as Record<string, unknown>) : [];
		const countText = counts.map(([option, n]) => m.findings_history_count_item({ option: ratingOrKey(option, scale), count: str(n) })).join(', ');
		return m.findings_history_tally({ label: str(t.label) || str(t.group), count: Number(t.voters) || 0, counts: countText });
	});
}

const VOTE_CHOICES: Record<string, () => string> = {
	agree: m.findings_vote_agree,
	disagree: m.findings_vote_disagree,
	unsure: m.findings_vote_unsure
};

/** A counted option: a vote choice (agree, disagree, unsure), a rating of the cycle, or the key itself. */
function ratingOrKey(key: string, scale: RatingOption[]): string {
	if (VOTE_CHOICES[key]) return VOTE_CHOICES[key]();
	return scale.some((o) => o.key === key) ? ratingLabel(scale, key) : key;
}

/** For workshop validations: the reasons the minority gave; for accepted proposals: the reason. */
export function reasonLines(entry: HistoryEntryView): string[] {
	const d = entry.detail;
	if (entry.action === 'workshop_validation' && Array.isArray(d.minorityReasons)) return d.minorityReasons.map(str).filter(Boolean);
	if (entry.action === 'proposal_accepted' && str(d.reason)) return [m.findings_history_proposal_reason({ reason: str(d.reason) })];
	return [];
}
