/** Words for votes on every screen: kinds, groups, answers, statuses. */
import { m } from '$lib/paraglide/messages';
import type { GroupResult } from '$lib/shared/vote-results';

const KINDS: Record<string, () => string> = {
	agree: m.votes_kind_agree,
	practice: m.votes_kind_practice,
	dots: m.votes_kind_dots,
	ranking: m.votes_kind_ranking,
	grid: m.prioritise_kind_grid,
	endorse: m.validation_kind_endorse
};
const GROUP_KINDS: Record<string, () => string> = {
	civil_servants: m.votes_group_civil_servants,
	civil_society: m.votes_group_civil_society,
	other: m.votes_group_other
};
const ANSWERS: Record<string, () => string> = {
	agree: m.votes_answer_agree,
	disagree: m.votes_answer_disagree,
	unsure: m.votes_answer_unsure
};
const STATUSES: Record<string, () => string> = {
	draft: m.votes_status_draft,
	open: m.votes_status_open,
	closed: m.votes_status_closed
};

export const voteKindLabel = (kind: string): string => KINDS[kind]?.() ?? kind;
export const voteStatusLabel = (status: string): string => STATUSES[status]?.() ?? status;

/** A kind key or a role-group label, in words. */
export const groupNameLabel = (name: string): string => GROUP_KINDS[name]?.() ?? name;

export function groupLabel(group: Pick<GroupResult, 'scope' | 'name'>): string {
	return group.scope === 'all' ? m.votes_group_all() : groupNameLabel(group.name);
}

/** agree / disagree / unsure, or a practice score with its meaning. */
export function answerLabel(answer: string): string {
	if (ANSWERS[answer]) return ANSWERS[answer]();
	return scoreLabel(Number(answer));
}

export function scoreLabel(score: number): string {
	const words = [m.votes_score_1, m.votes_score_2, m.votes_score_3, m.votes_score_4, m.votes_score_5][score - 1];
	return words ? `${score} – ${words()}` : String(score);
}

export { formatPercent as percent } from '$lib/format';
