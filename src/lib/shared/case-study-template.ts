/**
 * The case-study template (Gdańsk style): its sections in order. Each section is one
 * `Y.XmlFragment` named `section.<key>` in the case document; labels are translated by the views.
 */

export const CASE_SECTIONS = [
	'situation',
	'wants_needs',
	'rights',
	'city_action',
	'critical_factors',
	'dilemmas',
	'problem_areas',
	'good_practices',
	'proposed_actions'
] as const;

export type CaseSection = (typeof CASE_SECTIONS)[number];

/** The section whose text sits beside the chooser of rights at stake. */
export const RIGHTS_SECTION: CaseSection = 'rights';

const PREFIX = 'section.';

/** Name of the Yjs root holding one section's text. */
export function sectionRootName(section: CaseSection): string {
	return `${PREFIX}${section}`;
}

/** The section a root name belongs to, or null for roots that are not sections. */
export function sectionOfRoot(name: string): CaseSection | null {
	if (!name.startsWith(PREFIX)) return null;
	const key = name.slice(PREFIX.length);
	return isCaseSection(key) ? key : null;
}

export function isCaseSection(value: string): value is CaseSection {
	return (CASE_SECTIONS as readonly string[]).includes(value);
}

/** Longest case-study title. */
export const CASE_TITLE_MAX = 120;

export type CaseTitleIssue = 'title_required' | 'title_too_long';

/** Checks a case-study title; returns the trimmed title or an issue code. */
export function validateCaseTitle(raw: unknown): { ok: true; title: string } | { ok: false; issue: CaseTitleIssue } {
	const title = typeof raw === 'string' ? raw.trim() : '';
	if (title === '') return { ok: false, issue: 'title_required' };
	if (title.length > CASE_TITLE_MAX) return { ok: false, issue: 'title_too_long' };
	return { ok: true, title };
}
