/**
 * Rules of votes, shared by the server (which enforces them) and the phone (which helps people
 * stay within them): kinds, setup limits, and the shape of a ballot. Functions return issue codes;
 * routes translate them.
 */

/**
 * `grid`: each person places each item on impact and effort (low / medium / high), for sorting
 * action points into quick wins and strategic objectives. `endorse`: validation of action points;
 * each person endorses, endorses with changes (saying which) or objects (saying why).
 */
export const VOTE_KINDS = ['agree', 'practice', 'dots', 'ranking', 'grid', 'endorse'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];
export const AGREE_CHOICES = ['agree', 'disagree', 'unsure'] as const;
export type AgreeChoice = (typeof AGREE_CHOICES)[number];
export const PRACTICE_SCORES = [1, 2, 3, 4, 5] as const;
/** Impact and effort levels of the grid: 1 low, 2 medium, 3 high. */
export const GRID_LEVELS = [1, 2, 3] as const;
export const ENDORSE_STANCES = ['endorse', 'endorse_changes', 'object'] as const;
export type EndorseStance = (typeof ENDORSE_STANCES)[number];
/** Stances that must say why (which changes; why the objection). */
export const STANCES_NEEDING_REASON: readonly EndorseStance[] = ['endorse_changes', 'object'];
/**
 * How the author of a requested change or objection wants it attributed: by name, by role group,
 * or not at all. Never more than the activity's anonymity allows.
 */
export const ATTRIBUTIONS = ['named', 'role_group', 'anonymous'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/**
 * The attributions a participant may choose in an activity of this anonymity, the default first:
 * named activity: anonymous, role group or name; role-group activity: anonymous or role group;
 * anonymous activity: nothing to choose.
 */
export function allowedAttributions(anonymity: string): Attribution[] {
	if (anonymity === 'named') return ['anonymous', 'role_group', 'named'];
	if (anonymity === 'role_group') return ['anonymous', 'role_group'];
	return ['anonymous'];
}

export const REASON_MAX = 500;
export const STATEMENT_MAX = 500;
export const ITEMS_MAX = 30;
export const BUDGET_MAX = 50;
/** Groups smaller than this are never shown on their own. */
export const MIN_GROUP_SIZE = 3;

export function isVoteKind(value: unknown): value is VoteKind {
	return typeof value === 'string' && (VOTE_KINDS as readonly string[]).includes(value);
}

/** Whether a kind takes one ballot per item (agree, practice) or one per activity (dots, ranking). */
export function ballotPerItem(kind: VoteKind): boolean {
	return kind !== 'dots' && kind !== 'ranking';
}

export type BallotValue =
	| { choice: AgreeChoice }
	| { score: number }
	| { dots: Record<string, number> }
	| { order: string[] }
	| { impact: number; effort: number }
	| { stance: EndorseStance; attribution: Attribution };

export type BallotIssue =
	| 'unknown_item'
	| 'bad_choice'
	| 'bad_score'
	| 'bad_dots'
	| 'over_budget'
	| 'over_cap'
	| 'bad_order'
	| 'reason_too_long'
	| 'reason_not_allowed'
	| 'bad_level'
	| 'bad_stance'
	| 'reason_required'
	| 'bad_attribution';

export interface BallotRules {
	kind: VoteKind;
	itemIds: readonly string[];
	budget: number;
	cap: number;
}

export interface BallotInput {
	itemKey: unknown;
	value: unknown;
	reason?: unknown;
}

export type CheckedBallot = { ok: true; itemKey: string; value: BallotValue; reason: string } | { ok: false; issue: BallotIssue };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (issue: BallotIssue): CheckedBallot => ({ ok: false, issue });
const isLevel = (v: unknown): v is number => typeof v === 'number' && (GRID_LEVELS as readonly number[]).includes(v);

function checkDots(rules: BallotRules, raw: unknown): BallotValue | BallotIssue {
	if (!isRecord(raw)) return 'bad_dots';
	const dots: Record<string, number> = {};
	let total = 0;
	for (const [id, n] of Object.entries(raw)) {
		if (!rules.itemIds.includes(id)) return 'unknown_item';
		if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return 'bad_dots';
		if (n > rules.cap) return 'over_cap';
		total += n;
		if (n > 0) dots[id] = n;
	}
	if (total > rules.budget) return 'over_budget';
	return { dots };
}

function checkOrder(rules: BallotRules, raw: unknown): BallotValue | BallotIssue {
	if (!Array.isArray(raw) || raw.length === 0 || raw.length > rules.itemIds.length) return 'bad_order';
	if (!raw.every((id) => typeof id === 'string')) return 'bad_order';
	if (new Set(raw).size !== raw.length) return 'bad_order';
	if (!raw.every((id) => rules.itemIds.includes(id as string))) return 'unknown_item';
	return { order: raw as string[] };
}

/** Checks one ballot against the vote's rules; never trusts the client's shape. */
export function checkBallot(rules: BallotRules, input: BallotInput): CheckedBallot {
	const reason = input.reason === undefined || input.reason === null ? '' : input.reason;
	if (typeof reason !== 'string') return fail('reason_too_long');
	const trimmed = reason.trim();
	if (trimmed.length > REASON_MAX) return fail('reason_too_long');
	const value = isRecord(input.value) ? input.value : {};
	if (ballotPerItem(rules.kind)) {
		if (typeof input.itemKey !== 'string' || !rules.itemIds.includes(input.itemKey)) return fail('unknown_item');
		if (rules.kind === 'agree') {
			const choice = value.choice;
			if (typeof choice !== 'string' || !(AGREE_CHOICES as readonly string[]).includes(choice)) return fail('bad_choice');
			return { ok: true, itemKey: input.itemKey, value: { choice: choice as AgreeChoice }, reason: trimmed };
		}
		if (rules.kind === 'grid') {
			const { impact, effort } = value;
			if (!isLevel(impact) || !isLevel(effort)) return fail('bad_level');
			return { ok: true, itemKey: input.itemKey, value: { impact, effort }, reason: trimmed };
		}
		if (rules.kind === 'endorse') {
			const { stance, attribution } = value;
			if (typeof stance !== 'string' || !(ENDORSE_STANCES as readonly string[]).includes(stance)) return fail('bad_stance');
			if (typeof attribution !== 'string' || !(ATTRIBUTIONS as readonly string[]).includes(attribution)) return fail('bad_attribution');
			if (STANCES_NEEDING_REASON.includes(stance as EndorseStance) && !trimmed) return fail('reason_required');
			return { ok: true, itemKey: input.itemKey, value: { stance: stance as EndorseStance, attribution: attribution as Attribution }, reason: trimmed };
		}
		const score = value.score;
		if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) return fail('bad_score');
		return { ok: true, itemKey: input.itemKey, value: { score }, reason: trimmed };
	}
	if (input.itemKey !== '' && input.itemKey !== undefined && input.itemKey !== null) return fail('unknown_item');
	if (trimmed) return fail('reason_not_allowed');
	const checked = rules.kind === 'dots' ? checkDots(rules, value.dots) : checkOrder(rules, value.order);
	if (typeof checked === 'string') return fail(checked);
	return { ok: true, itemKey: '', value: checked, reason: '' };
}

export type SetupIssue = 'bad_kind' | 'bad_budget' | 'bad_cap' | 'cap_over_budget';

export interface SetupInput {
	kind: string;
	budget: string;
	cap: string;
}

/** Checks the setup form; budget and cap matter for dot voting only. */
export function checkSetup(input: SetupInput): { kind: VoteKind; budget: number; cap: number } | { issues: Record<string, SetupIssue> } {
	const issues: Record<string, SetupIssue> = {};
	if (!isVoteKind(input.kind)) issues.kind = 'bad_kind';
	const budget = Number(input.budget || 5);
	const cap = Number(input.cap || 3);
	if (!Number.isInteger(budget) || budget < 1 || budget > BUDGET_MAX) issues.budget = 'bad_budget';
	if (!Number.isInteger(cap) || cap < 1 || cap > BUDGET_MAX) issues.cap = 'bad_cap';
	else if (!issues.budget && cap > budget) issues.cap = 'cap_over_budget';
	if (Object.keys(issues).length > 0) return { issues };
	return { kind: input.kind as VoteKind, budget, cap };
}

export type StatementIssue = 'statement_required' | 'statement_too_long' | 'too_many_items';

/** Checks a free statement added as an item. */
export function checkStatement(text: string, itemCount: number): StatementIssue | null {
	const t = text.trim();
	if (!t) return 'statement_required';
	if (t.length > STATEMENT_MAX) return 'statement_too_long';
	if (itemCount >= ITEMS_MAX) return 'too_many_items';
	return null;
}
