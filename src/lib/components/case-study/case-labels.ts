/** Translated labels for case-study sections, rights and contributor groups. */
import { m } from '$lib/paraglide/messages';
import type { CaseSection } from '$lib/shared/case-study-template';
import { builtInRight, type ChosenRight, type BuiltInRight } from '$lib/shared/rights-list';
import { STAFF_GROUP } from '$lib/shared/case-control';
import { RIGHT_TITLES } from './right-titles';

const SECTION_LABELS: Record<CaseSection, () => string> = {
	situation: m.case_section_situation,
	wants_needs: m.case_section_wants_needs,
	rights: m.case_section_rights,
	city_action: m.case_section_city_action,
	critical_factors: m.case_section_critical_factors,
	dilemmas: m.case_section_dilemmas,
	problem_areas: m.case_section_problem_areas,
	good_practices: m.case_section_good_practices,
	proposed_actions: m.case_section_proposed_actions
};

export function sectionLabel(section: CaseSection): string {
	return SECTION_LABELS[section]();
}

/** "EU Charter Art. 21 — Non-discrimination". */
export function builtInRightLabel(right: BuiltInRight): string {
	const title = RIGHT_TITLES[right.key]?.() ?? right.key;
	const source = right.source === 'eu_charter' ? m.case_source_eu_charter() : m.case_source_crpd();
	return m.case_right_label({ source, article: String(right.article), title });
}

/** The label of a chosen right: built-in ones translated, custom ones as their organisation wrote them. */
export function chosenRightLabel(right: ChosenRight): string {
	const builtIn = builtInRight(right.id);
	if (builtIn) return builtInRightLabel(builtIn);
	return right.label ?? m.case_right_unknown();
}

/** A contributor group as shown: "staff" translated, role groups as the workshop named them. */
export function groupLabel(group: string): string {
	return group === STAFF_GROUP ? m.case_staff() : group;
}

/** The first words of a passage, for labels that must stay short. */
export function shortPassage(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
