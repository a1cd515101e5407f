/**
 * Rules for a workshop's agenda, shared by the forms (limits, choices) and the server (validation).
 * Validators return issue codes, not sentences: routes turn codes into translated messages.
 */

/** Kinds of activity a facilitator can put on the agenda. */
export const ACTIVITY_TYPES = ['orientation', 'brainstorm', 'discussion', 'case_study', 'vote', 'action_points', 'review_actions', 'break'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * Who can see who wrote a contribution: `named` shows name and role group, `role_group` only the
 * role group, `anonymous` nothing, not even to the facilitator.
 */
export const ANONYMITY = ['named', 'role_group', 'anonymous'] as const;
export type Anonymity = (typeof ANONYMITY)[number];

export const ACTIVITY_TITLE_MAX = 120;
export const ACTIVITY_PROMPT_MAX = 2000;
/** The plain-language prompt: as long as the prompt may be, though plain language is usually shorter. */
export const ACTIVITY_PLAIN_PROMPT_MAX = 2000;
export const PLANNED_MINUTES_MIN = 1;
export const PLANNED_MINUTES_MAX = 240;
/** What a new activity form starts with: short enough to fit, long enough to say something. */
export const PLANNED_MINUTES_DEFAULT = 10;
/** Candid input is the safer default (report section 4.3.2): names only when the facilitator says so. */
export const ANONYMITY_DEFAULT: Anonymity = 'role_group';

/**
 * Keys of the role groups a new workshop offers; the server turns them into labels in the
 * workshop's language. Mirrors the cross-section that made the Gdańsk workshops work.
 */
export const DEFAULT_ROLE_GROUP_KEYS = [
	'civil_servant_policy',
	'civil_servant_management',
	'civil_servant_front_line',
	'central_administration',
	'civil_society_organisation',
	'resident',
	'expert',
	'elected_representative',
	'observer'
] as const;
export type DefaultRoleGroupKey = (typeof DEFAULT_ROLE_GROUP_KEYS)[number];

export interface ActivityInput {
	type: ActivityType;
	title: string;
	prompt: string;
	/** The prompt in plain language (short sentences, everyday words); empty when there is none. */
	plainPrompt: string;
	plannedMinutes: number;
	anonymity: Anonymity;
}

export type ActivityIssue =
	| 'type_invalid'
	| 'title_required'
	| 'title_too_long'
	| 'prompt_too_long'
	| 'plain_prompt_too_long'
	| 'minutes_invalid'
	| 'anonymity_invalid';

export type ActivityField = keyof ActivityInput;

export interface ActivityValidation {
	value: ActivityInput;
	issues: Partial<Record<ActivityField, ActivityIssue>>;
}

/** Type guard for activity types read from forms or the database. */
export function isActivityType(value: unknown): value is ActivityType {
	return typeof value === 'string' && (ACTIVITY_TYPES as readonly string[]).includes(value);
}

/** Type guard for anonymity levels read from forms or the database. */
export function isAnonymity(value: unknown): value is Anonymity {
	return typeof value === 'string' && (ANONYMITY as readonly string[]).includes(value);
}

/** Characters as people count them (code points), so an emoji is one, not two. */
function lengthOf(value: string): number {
	return Array.from(value).length;
}

/** Whole minutes from a number or a form string; NaN for anything else (so it fails the range check). */
function minutesOf(raw: unknown): number {
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) return Number(raw);
	return Number.NaN;
}

/**
 * Normalises an activity from a form or a caller and lists what is wrong with it. `value` is
 * usable only when `issues` is empty; until then it keeps what was sent so forms can show it again.
 */
export function validateActivityInput(raw: Partial<Record<ActivityField, unknown>>): ActivityValidation {
	const issues: ActivityValidation['issues'] = {};
	const type = isActivityType(raw.type) ? raw.type : ACTIVITY_TYPES[0];
	if (!isActivityType(raw.type)) issues.type = 'type_invalid';
	const title = typeof raw.title === 'string' ? raw.title.trim().replace(/\s+/g, ' ') : '';
	if (title.length === 0) issues.title = 'title_required';
	else if (lengthOf(title) > ACTIVITY_TITLE_MAX) issues.title = 'title_too_long';
	// Line breaks in a prompt are meaningful (lists of questions); only the ends are trimmed.
	const prompt = typeof raw.prompt === 'string' ? raw.prompt.replace(/\r\n/g, '\n').trim() : '';
	if (lengthOf(prompt) > ACTIVITY_PROMPT_MAX) issues.prompt = 'prompt_too_long';
	const plainPrompt = typeof raw.plainPrompt === 'string' ? raw.plainPrompt.replace(/\r\n/g, '\n').trim() : '';
	if (lengthOf(plainPrompt) > ACTIVITY_PLAIN_PROMPT_MAX) issues.plainPrompt = 'plain_prompt_too_long';
	const plannedMinutes = minutesOf(raw.plannedMinutes);
	if (!Number.isInteger(plannedMinutes) || plannedMinutes < PLANNED_MINUTES_MIN || plannedMinutes > PLANNED_MINUTES_MAX) {
		issues.plannedMinutes = 'minutes_invalid';
	}
	const anonymity = isAnonymity(raw.anonymity) ? raw.anonymity : ANONYMITY_DEFAULT;
	if (!isAnonymity(raw.anonymity)) issues.anonymity = 'anonymity_invalid';
	return { value: { type, title, prompt, plainPrompt, plannedMinutes, anonymity }, issues };
}
