/**
 * What an entry of the action register may hold and how its status may move. Shared by the server
 * (which enforces it) and the forms (which offer only what is allowed). Validators return issue
 * codes; routes translate them.
 */

export const ACTION_TYPES = ['policy', 'participation', 'accessibility', 'capacity', 'coordination', 'practical'] as const;
export const HORIZONS = ['quick_win', 'strategic'] as const;
export const COMPETENCES = ['city', 'regional_national'] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'stuck', 'dropped'] as const;

export type ActionType = (typeof ACTION_TYPES)[number];
export type Horizon = (typeof HORIZONS)[number];
export type Competence = (typeof COMPETENCES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that need a reason (why it is stuck, why it was dropped). */
export const REASON_REQUIRED: readonly ActionStatus[] = ['stuck', 'dropped'];

/** Where an entry may move from each status; done and dropped can be reopened. */
const MOVES: Record<ActionStatus, readonly ActionStatus[]> = {
	planned: ['in_progress', 'done', 'stuck', 'dropped'],
	in_progress: ['planned', 'done', 'stuck', 'dropped'],
	stuck: ['planned', 'in_progress', 'done', 'dropped'],
	done: ['in_progress'],
	dropped: ['planned']
};

export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;
export const FIELD_MAX = 300;
export const NOTE_MAX = 2000;
export const INDICATORS_MAX = 10;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isActionType = (v: unknown): v is ActionType => isOneOf(ACTION_TYPES, v);
export const isHorizon = (v: unknown): v is Horizon => isOneOf(HORIZONS, v);
export const isCompetence = (v: unknown): v is Competence => isOneOf(COMPETENCES, v);
export const isActionStatus = (v: unknown): v is ActionStatus => isOneOf(ACTION_STATUSES, v);

/** The statuses an entry in `from` may be moved to. */
export function nextActionStatuses(from: ActionStatus): ActionStatus[] {
	return [...MOVES[from]];
}

export function canMoveAction(from: ActionStatus, to: ActionStatus): boolean {
	return from === to || MOVES[from].includes(to);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Overdue: a deadline before `today` (YYYY-MM-DD) and not done or dropped. */
export function isOverdue(entry: { deadline: string | null; status: string }, today: string): boolean {
	if (!entry.deadline || entry.status === 'done' || entry.status === 'dropped') return false;
	return entry.deadline < today;
}

/** Today as YYYY-MM-DD in UTC (the server's notion of "today" for overdue marks). */
export function todayIso(now = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}

export interface Indicator {
	name: string;
	baseline: string;
	target: string;
}

/** The describing fields of an entry, as text; '' means "not set". */
export interface ActionInput {
	title: string;
	description: string;
	type: string;
	horizon: string;
	department: string;
	ownerName: string;
	target: string;
	indicators: Indicator[];
	deadline: string;
	resources: string;
	competence: string;
	affectedGroups: string;
}

export type ActionIssues = Partial<Record<keyof ActionInput, string>>;

/** Trims every field; indicators without any text are dropped. */
export function normaliseAction(input: ActionInput): ActionInput {
	const t = (s: string) => s.trim();
	return {
		title: t(input.title),
		description: t(input.description),
		type: t(input.type),
		horizon: t(input.horizon),
		department: t(input.department),
		ownerName: t(input.ownerName),
		target: t(input.target),
		indicators: input.indicators
			.map((i) => ({ name: t(i.name), baseline: t(i.baseline), target: t(i.target) }))
			.filter((i) => i.name !== '' || i.baseline !== '' || i.target !== ''),
		deadline: t(input.deadline),
		resources: t(input.resources),
		competence: t(input.competence) || 'city',
		affectedGroups: t(input.affectedGroups)
	};
}

/**
 * Issue codes per field of a (normalised) entry. Codes: title_missing, too_long, type_unknown,
 * horizon_unknown, competence_unknown, deadline_invalid, indicators_too_many, indicator_name_missing.
 */
export function checkAction(input: ActionInput): ActionIssues {
	const issues: ActionIssues = {};
	if (input.title === '') issues.title = 'title_missing';
	else if (input.title.length > TITLE_MAX) issues.title = 'too_long';
	for (const key of ['description', 'target', 'resources', 'affectedGroups'] as const) {
		if (input[key].length > TEXT_MAX) issues[key] = 'too_long';
	}
	for (const key of ['department', 'ownerName'] as const) {
		if (input[key].length > FIELD_MAX) issues[key] = 'too_long';
	}
	if (!isActionType(input.type)) issues.type = 'type_unknown';
	if (!isHorizon(input.horizon)) issues.horizon = 'horizon_unknown';
	if (!isCompetence(input.competence)) issues.competence = 'competence_unknown';
	if (input.deadline !== '' && !isIsoDate(input.deadline)) issues.deadline = 'deadline_invalid';
	if (input.indicators.length > INDICATORS_MAX) issues.indicators = 'indicators_too_many';
	else if (input.indicators.some((i) => i.name === '')) issues.indicators = 'indicator_name_missing';
	else if (input.indicators.some((i) => [i.name, i.baseline, i.target].some((s) => s.length > FIELD_MAX))) issues.indicators = 'too_long';
	return issues;
}

/** A progress update: optional status move (with a reason when required), progress, a note. */
export interface ProgressInput {
	status: string;
	reason: string;
	progress: string;
	note: string;
}

export type ProgressIssues = Partial<Record<keyof ProgressInput, string>>;

/** Parses progress: an integer 0–100, or null when it is not one. */
export function parseProgress(value: string): number | null {
	const v = value.trim();
	if (!/^\d{1,3}$/.test(v)) return null;
	const n = Number(v);
	return n <= 100 ? n : null;
}

/**
 * Issue codes for a progress update of an entry now in `from`. Codes: status_not_allowed,
 * reason_missing, progress_invalid, too_long.
 */
export function checkProgress(from: ActionStatus, input: ProgressInput): ProgressIssues {
	const issues: ProgressIssues = {};
	const to = input.status.trim();
	if (!isActionStatus(to) || !canMoveAction(from, to)) issues.status = 'status_not_allowed';
	else if (to !== from && REASON_REQUIRED.includes(to) && input.reason.trim() === '') issues.reason = 'reason_missing';
	if (input.reason.trim().length > NOTE_MAX) issues.reason = 'too_long';
	if (parseProgress(input.progress) === null) issues.progress = 'progress_invalid';
	if (input.note.trim().length > NOTE_MAX) issues.note = 'too_long';
	return issues;
}
