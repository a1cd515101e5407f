/**
 * The role groups a new workshop starts with, as labels in the workshop's language. Stored as
 * text on the workshop (not as keys), so a facilitator can reword, add or drop any of them.
 * Relative imports only: the server entry (outside SvelteKit) loads this through workshops.ts.
 */
import { m } from '../paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '../paraglide/runtime.js';
import { DEFAULT_ROLE_GROUP_KEYS, type DefaultRoleGroupKey } from '../shared/agenda';

type Label = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const LABELS: Record<DefaultRoleGroupKey, Label> = {
	civil_servant_policy: m.prepare_role_group_civil_servant_policy,
	civil_servant_management: m.prepare_role_group_civil_servant_management,
	civil_servant_front_line: m.prepare_role_group_civil_servant_front_line,
	central_administration: m.prepare_role_group_central_administration,
	civil_society_organisation: m.prepare_role_group_civil_society_organisation,
	resident: m.prepare_role_group_resident,
	expert: m.prepare_role_group_expert,
	elected_representative: m.prepare_role_group_elected_representative,
	observer: m.prepare_role_group_observer
};

/** The default role-group labels in `language`, or in the base locale when the app lacks it. */
export function defaultRoleGroupLabels(language: string): string[] {
	const locale = isLocale(language) ? language : baseLocale;
	return DEFAULT_ROLE_GROUP_KEYS.map((key) => LABELS[key]({}, { locale }));
}
