/**
 * What a finding may hold and how its validation status may move. Shared by the server (which
 * enforces it) and the forms (which offer only what is allowed). Validators return issue codes;
 * routes translate them.
 */

export const FINDING_STATUSES = ['draft', 'under_review', 'validated', 'contested', 'revised'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Statuses a finding may move to from each status (staff may also reset to draft, see below). */
const TRANSITIONS: Record<FindingStatus, readonly FindingStatus[]> = {
	draft: ['under_review'],
	under_review: ['validated', 'contested', 'revised'],
	validated: [],
	contested: [],
	revised: ['under_review']
};

export const PRESENCE_KEYS = ['yes', 'partly', 'no', 'unknown'] as const;
export const EFFECT_KEYS = ['positive', 'mixed', 'none', 'negative', 'unknown'] as const;
export const CONFIDENCE_KEYS = ['low', 'medium', 'high'] as const;
export const EVIDENCE_KINDS = ['statistic', 'document', 'story', 'interview'] as const;
export const FINDING_ORIGINS = ['staff', 'import', 'participant'] as const;

export type PresenceKey = (typeof PRESENCE_KEYS)[number];
export type EffectKey = (typeof EFFECT_KEYS)[number];
export type ConfidenceKey = (typeof CONFIDENCE_KEYS)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const STATEMENT_MAX = 2000;
export const EVIDENCE_TEXT_MAX = 4000;
export const EVIDENCE_FIELD_MAX = 300;
export const EVIDENCE_URL_MAX = 2000;
export const EVIDENCE_MAX_PER_FINDING = 50;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isFindingStatus = (v: unknown): v is FindingStatus => isOneOf(FINDING_STATUSES, v);
export const isPresenceKey = (v: unknown): v is PresenceKey => isOneOf(PRESENCE_KEYS, v);
export const isEffectKey = (v: unknown): v is EffectKey => isOneOf(EFFECT_KEYS, v);
export const isConfidenceKey = (v: unknown): v is ConfidenceKey => isOneOf(CONFIDENCE_KEYS, v);
export const isEvidenceKind = (v: unknown): v is EvidenceKind => isOneOf(EVIDENCE_KINDS, v);

/** The statuses a finding in `from` may be moved to by staff: the workflow plus a reset to draft. */
export function nextStatuses(from: FindingStatus): FindingStatus[] {
	const next = [...TRANSITIONS[from]];
	if (from !== 'draft') next.push('draft');
	return next;
}

/** True when staff may move a finding from `from` to `to`. */
export function canMoveStatus(from: FindingStatus, to: FindingStatus): boolean {
	return nextStatuses(from).includes(to);
}

/** The judgement and rating fields of a finding, as text; '' means "not set". */
export interface FindingInput {
	statement: string;
	rating: string;
	onPaper: string;
	inPractice: string;
	effect: string;
	confidence: string;
}

export type FindingIssues = Partial<Record<keyof FindingInput, string>>;

/** Trims every field of a finding. */
export function normaliseFinding(input: FindingInput): FindingInput {
	return {
		statement: input.statement.trim(),
		rating: input.rating.trim(),
		onPaper: input.onPaper.trim(),
		inPractice: input.inPractice.trim(),
		effect: input.effect.trim(),
		confidence: input.confidence.trim()
	};
}

/**
 * Issue codes per field of a (normalised) finding; `ratingKeys` are the cycle's scale keys.
 * Codes: statement_missing, statement_too_long, rating_unknown, on_paper_unknown,
 * in_practice_unknown, effect_unknown, confidence_unknown.
 */
export function checkFinding(input: FindingInput, ratingKeys: readonly string[]): FindingIssues {
	const issues: FindingIssues = {};
	if (input.statement === '') issues.statement = 'statement_missing';
	else if (input.statement.length > STATEMENT_MAX) issues.statement = 'statement_too_long';
	if (input.rating !== '' && !ratingKeys.includes(input.rating)) issues.rating = 'rating_unknown';
	if (input.onPaper !== '' && !isPresenceKey(input.onPaper)) issues.onPaper = 'on_paper_unknown';
	if (input.inPractice !== '' && !isPresenceKey(input.inPractice)) issues.inPractice = 'in_practice_unknown';
	if (input.effect !== '' && !isEffectKey(input.effect)) issues.effect = 'effect_unknown';
	if (input.confidence !== '' && !isConfidenceKey(input.confidence)) issues.confidence = 'confidence_unknown';
	return issues;
}

/** One evidence item as text fields. */
export interface EvidenceInput {
	kind: string;
	text: string;
	source: string;
	date: string;
	holder: string;
	url: string;
}

export type EvidenceIssues = Partial<Record<keyof EvidenceInput, string>>;

export function normaliseEvidence(input: EvidenceInput): EvidenceInput {
	return {
		kind: input.kind.trim(),
		text: input.text.trim(),
		source: input.source.trim(),
		date: input.date.trim(),
		holder: input.holder.trim(),
		url: input.url.trim()
	};
}

/** True for an absolute http(s) address. */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/**
 * Issue codes per field of a (normalised) evidence item:
 * - statistic: the figure (text) and its source are required; date and holder are optional;
 * - document: an http(s) url is required; the text describes it;
 * - story and interview: the text is required.
 * Codes: kind_unknown, text_missing, text_too_long, source_missing, url_missing, url_invalid,
 * too_long (source, date, holder, url).
 */
export function checkEvidence(input: EvidenceInput): EvidenceIssues {
	const issues: EvidenceIssues = {};
	if (!isEvidenceKind(input.kind)) return { kind: 'kind_unknown' };
	if (input.text.length > EVIDENCE_TEXT_MAX) issues.text = 'text_too_long';
	else if (input.text === '' && input.kind !== 'document') issues.text = 'text_missing';
	for (const field of ['source', 'date', 'holder'] as const) {
		if (input[field].length > EVIDENCE_FIELD_MAX) issues[field] = 'too_long';
	}
	if (input.kind === 'statistic' && input.source === '' && !issues.source) issues.source = 'source_missing';
	if (input.url.length > EVIDENCE_URL_MAX) issues.url = 'too_long';
	else if (input.url !== '' && !isHttpUrl(input.url)) issues.url = 'url_invalid';
	else if (input.url === '' && input.kind === 'document') issues.url = 'url_missing';
	return issues;
}

/** True when the evidence fields are all empty (a CSV row without evidence). */
export function isEmptyEvidence(input: EvidenceInput): boolean {
	return Object.values(input).every((v) => v === '');
}
