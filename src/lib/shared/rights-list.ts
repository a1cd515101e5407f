/**
 * The built-in rights a case study can name as "at stake": articles of the EU Charter of
 * Fundamental Rights and of the UN Convention on the Rights of Persons with Disabilities (CRPD).
 * Short titles are translated (`case_right_<key>` messages); organisations add their own entries
 * (`right_option` rows), which are chosen by id.
 */

export type RightSource = 'eu_charter' | 'crpd' | 'custom';

export interface BuiltInRight {
	/** Stable key stored in case documents, e.g. `eu_charter_21`. */
	key: string;
	source: Exclude<RightSource, 'custom'>;
	article: number;
}

const EU_CHARTER_ARTICLES = [1, 6, 7, 8, 11, 14, 15, 20, 21, 23, 24, 25, 26, 33, 34, 35, 36, 37, 41, 42, 45, 47];
const CRPD_ARTICLES = [5, 8, 9, 12, 13, 14, 16, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];

export const BUILT_IN_RIGHTS: readonly BuiltInRight[] = [
	...EU_CHARTER_ARTICLES.map((article) => ({ key: `eu_charter_${article}`, source: 'eu_charter' as const, article })),
	...CRPD_ARTICLES.map((article) => ({ key: `crpd_${article}`, source: 'crpd' as const, article }))
];

/** A right chosen in a case document: a built-in key, or a custom option with its label kept. */
export interface ChosenRight {
	id: string;
	label?: string;
}

/** Prefix of custom options' ids in case documents. */
export const CUSTOM_RIGHT_PREFIX = 'custom:';

export function customRightId(optionId: string): string {
	return `${CUSTOM_RIGHT_PREFIX}${optionId}`;
}

export function builtInRight(id: string): BuiltInRight | null {
	return BUILT_IN_RIGHTS.find((r) => r.key === id) ?? null;
}

/** Reads one stored entry defensively (documents are shared; anything may be there). */
export function parseChosenRight(value: unknown): ChosenRight | null {
	if (!value || typeof value !== 'object') return null;
	const { id, label } = value as { id?: unknown; label?: unknown };
	if (typeof id !== 'string' || id.length > 80) return null;
	if (id.startsWith(CUSTOM_RIGHT_PREFIX)) return typeof label === 'string' && label.trim() !== '' ? { id, label: label.slice(0, RIGHT_LABEL_MAX) } : null;
	return builtInRight(id) ? { id } : null;
}

/** Longest custom right label. */
export const RIGHT_LABEL_MAX = 160;

export type RightLabelIssue = 'right_label_required' | 'right_label_too_long' | 'right_label_duplicate';

/** Checks a new custom right's label against the organisation's existing ones (case-insensitive). */
export function validateRightLabel(raw: unknown, existing: string[]): { ok: true; label: string } | { ok: false; issue: RightLabelIssue } {
	const label = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
	if (label === '') return { ok: false, issue: 'right_label_required' };
	if (label.length > RIGHT_LABEL_MAX) return { ok: false, issue: 'right_label_too_long' };
	if (existing.some((e) => e.toLowerCase() === label.toLowerCase())) return { ok: false, issue: 'right_label_duplicate' };
	return { ok: true, label };
}
