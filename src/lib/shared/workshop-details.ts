/**
 * Rules for a workshop's details (title, date, language, purpose, role groups), shared by the
 * preparation form (limits) and the server (validation). Returns issue codes, not sentences.
 */
import { validateWorkshopTitle } from './workshop-title';
import { isRoleGroupKind, type RoleGroupKind } from './role-group-kind';

export const PURPOSE_MAX = 2000;
export const ROLE_GROUPS_MIN = 1;
export const ROLE_GROUPS_MAX = 20;
export const ROLE_GROUP_LABEL_MAX = 80;

export interface WorkshopDetails {
	title: string;
	/** YYYY-MM-DD, or null when no date is planned yet. */
	scheduledOn: string | null;
	language: string;
	purpose: string;
	roleGroups: string[];
	expectedRoleGroups: string[];
	/** The side of the room chosen for role groups (label → kind); labels not listed are guessed. */
	roleGroupKinds: Record<string, RoleGroupKind>;
}

export type WorkshopDetailsIssue =
	| 'title_required'
	| 'title_too_long'
	| 'date_invalid'
	| 'language_invalid'
	| 'purpose_too_long'
	| 'role_groups_required'
	| 'role_groups_too_many'
	| 'role_group_too_long'
	| 'role_groups_duplicate'
	| 'expected_unknown'
	| 'role_group_kind_invalid';

export type WorkshopDetailsField = keyof WorkshopDetails;

export interface WorkshopDetailsRaw {
	title?: unknown;
	scheduledOn?: unknown;
	language?: unknown;
	purpose?: unknown;
	/** A list, or text with one label per line (as the form sends it). */
	roleGroups?: unknown;
	expectedRoleGroups?: unknown;
	/** An object label → kind. */
	roleGroupKinds?: unknown;
}

export interface WorkshopDetailsValidation {
	value: WorkshopDetails;
	issues: Partial<Record<WorkshopDetailsField, WorkshopDetailsIssue>>;
}

function lengthOf(value: string): number {
	return Array.from(value).length;
}

/** One label: trimmed, inner whitespace collapsed, so "Expert " and "Expert" are the same group. */
export function normaliseRoleGroup(label: string): string {
	return label.trim().replace(/\s+/g, ' ');
}

/** Role-group labels from a list or from text with one label per line; blank lines are dropped. */
export function parseRoleGroups(raw: unknown): string[] {
	const lines = typeof raw === 'string' ? raw.split(/\r?\n/) : Array.isArray(raw) ? raw.filter((x) => typeof x === 'string') : [];
	return lines.map(normaliseRoleGroup).filter((label) => label.length > 0);
}

/** True for a real calendar date written YYYY-MM-DD (what `<input type="date">` sends). */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function roleGroupsIssue(groups: string[]): WorkshopDetailsIssue | null {
	if (groups.length < ROLE_GROUPS_MIN) return 'role_groups_required';
	if (groups.length > ROLE_GROUPS_MAX) return 'role_groups_too_many';
	if (groups.some((g) => lengthOf(g) > ROLE_GROUP_LABEL_MAX)) return 'role_group_too_long';
	// Case-insensitive: "Expert" and "expert" would look like two choices for one group.
	const seen = new Set(groups.map((g) => g.toLocaleLowerCase()));
	return seen.size === groups.length ? null : 'role_groups_duplicate';
}

/**
 * Normalises workshop details and lists what is wrong with them. `locales` are the languages
 * the app can show (passed in, so this module stays free of the i18n runtime).
 */
export function validateWorkshopDetails(raw: WorkshopDetailsRaw, locales: readonly string[]): WorkshopDetailsValidation {
	const issues: WorkshopDetailsValidation['issues'] = {};
	const checkedTitle = validateWorkshopTitle(raw.title);
	const title = checkedTitle.ok ? checkedTitle.title : typeof raw.title === 'string' ? raw.title.trim() : '';
	if (!checkedTitle.ok) issues.title = checkedTitle.problem === 'empty' ? 'title_required' : 'title_too_long';

	const date = typeof raw.scheduledOn === 'string' ? raw.scheduledOn.trim() : '';
	if (date !== '' && !isIsoDate(date)) issues.scheduledOn = 'date_invalid';

	const language = typeof raw.language === 'string' ? raw.language : '';
	if (!locales.includes(language)) issues.language = 'language_invalid';

	const purpose = typeof raw.purpose === 'string' ? raw.purpose.replace(/\r\n/g, '\n').trim() : '';
	if (lengthOf(purpose) > PURPOSE_MAX) issues.purpose = 'purpose_too_long';

	const roleGroups = parseRoleGroups(raw.roleGroups);
	const groupsIssue = roleGroupsIssue(roleGroups);
	if (groupsIssue) issues.roleGroups = groupsIssue;

	const expectedRoleGroups = parseRoleGroups(raw.expectedRoleGroups);
	if (expectedRoleGroups.some((g) => !roleGroups.includes(g))) issues.expectedRoleGroups = 'expected_unknown';

	const rawKinds = raw.roleGroupKinds && typeof raw.roleGroupKinds === 'object' ? (raw.roleGroupKinds as Record<string, unknown>) : {};
	const roleGroupKinds: Record<string, RoleGroupKind> = {};
	for (const [label, kind] of Object.entries(rawKinds)) {
		const group = normaliseRoleGroup(label);
		if (!roleGroups.includes(group)) continue; // a group removed in the same save
		if (isRoleGroupKind(kind)) roleGroupKinds[group] = kind;
		else issues.roleGroupKinds = 'role_group_kind_invalid';
	}

	return {
		value: {
			title,
			scheduledOn: date === '' ? null : date,
			language,
			purpose,
			roleGroups,
			// Kept in the order of the role groups, once each, whatever order the form sent them in.
			expectedRoleGroups: roleGroups.filter((g) => expectedRoleGroups.includes(g)),
			roleGroupKinds
		},
		issues
	};
}
