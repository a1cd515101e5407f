/**
 * What the control document says about case studies, written only by the server:
 * `cases` — per case, per section, the role groups that contributed ("staff" for the
 * facilitators; an empty list in anonymous activities, meaning "edited");
 * `caseMeta` — each case's title, and the organisation's own rights offered by every chooser.
 */
import type * as Y from 'yjs';
import type { CaseSection } from './case-study-template';

export const CaseControlRoot = {
	cases: 'cases',
	meta: 'caseMeta'
} as const;

/** The label the server records for facilitators' edits; views translate it. */
export const STAFF_GROUP = 'staff';

export type SectionContributors = Partial<Record<CaseSection, string[]>>;

export interface CustomRightOption {
	id: string;
	label: string;
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export interface CaseControlData {
	contributors: Record<string, SectionContributors>;
	titles: Record<string, string>;
	rights: CustomRightOption[];
}

/** Writes contributors, titles and custom rights (server only); unchanged values are left alone. */
export function writeCaseControl(doc: Y.Doc, { contributors, titles, rights }: CaseControlData): void {
	const cases = doc.getMap(CaseControlRoot.cases);
	for (const [id, sections] of Object.entries(contributors)) if (!same(cases.get(id), sections)) cases.set(id, sections);
	for (const id of [...cases.keys()]) if (!(id in contributors)) cases.delete(id);
	const meta = doc.getMap(CaseControlRoot.meta);
	if (!same(meta.get('rights'), rights)) meta.set('rights', rights);
	if (!same(meta.get('titles'), titles)) meta.set('titles', titles);
}

/** Contributors per section of one case (empty when nothing is recorded). */
export function readCaseContributors(doc: Y.Doc, caseStudyId: string): SectionContributors {
	const value = doc.getMap(CaseControlRoot.cases).get(caseStudyId);
	if (!value || typeof value !== 'object') return {};
	const out: SectionContributors = {};
	for (const [section, groups] of Object.entries(value as Record<string, unknown>)) {
		if (Array.isArray(groups)) out[section as CaseSection] = groups.filter((g): g is string => typeof g === 'string');
	}
	return out;
}

/** The organisation's own rights options. */
export function readCustomRights(doc: Y.Doc): CustomRightOption[] {
	const value = doc.getMap(CaseControlRoot.meta).get('rights');
	if (!Array.isArray(value)) return [];
	return value.filter((o): o is CustomRightOption => !!o && typeof o.id === 'string' && typeof o.label === 'string');
}

/** A case's title as published, or null when the control document does not know the case. */
export function readCaseTitle(doc: Y.Doc, caseStudyId: string): string | null {
	const titles = doc.getMap(CaseControlRoot.meta).get('titles');
	if (!titles || typeof titles !== 'object') return null;
	const title = (titles as Record<string, unknown>)[caseStudyId];
	return typeof title === 'string' ? title : null;
}

/** Observes both roots; returns the unsubscribe. */
export function observeCaseControl(doc: Y.Doc, onChange: () => void): () => void {
	const cases = doc.getMap(CaseControlRoot.cases);
	const meta = doc.getMap(CaseControlRoot.meta);
	cases.observe(onChange);
	meta.observe(onChange);
	return () => {
		cases.unobserve(onChange);
		meta.unobserve(onChange);
	};
}
