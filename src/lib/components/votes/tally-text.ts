/** Tallies in words and as a bar length, shared by the chart and its table. */
import { m } from '$lib/paraglide/messages';
import type { GroupResult } from '$lib/shared/vote-results';
import { percent } from './labels';

/** 0…1: agree share, mean score out of 5, share of the group's dots, or Borda score out of its maximum. */
export function barShare(g: GroupResult, itemCount: number): number {
	const t = g.tally;
	if (!t) return 0;
	if ('counts' in t) return t.share;
	if ('distribution' in t) return (t.mean ?? 0) / 5;
	if ('dots' in t) return t.share;
	if ('cells' in t) return (t.impact ?? 0) / 3;
	if ('stances' in t) return g.voters ? (t.stances.endorse + t.stances.endorse_changes) / g.voters : 0;
	const most = (g.voters ?? 0) * itemCount;
	return most ? t.borda / most : 0;
}

export function tallySummary(g: GroupResult): string {
	const t = g.tally;
	if (!t) return m.votes_hidden_group();
	const voters = g.voters ?? 0;
	if ('counts' in t) return m.votes_summary_agree({ share: percent(t.share), agree: t.counts.agree, disagree: t.counts.disagree, unsure: t.counts.unsure });
	if ('distribution' in t) return m.votes_summary_practice({ mean: t.mean === null ? '–' : t.mean.toFixed(1), voters });
	if ('dots' in t) return m.votes_summary_dots({ dots: t.dots, share: percent(t.share) });
	if ('cells' in t) return m.prioritise_summary_grid({ impact: t.impact === null ? '–' : t.impact.toFixed(1), effort: t.effort === null ? '–' : t.effort.toFixed(1) });
	if ('stances' in t) return m.validation_summary_endorse({ endorse: t.stances.endorse, changes: t.stances.endorse_changes, object: t.stances.object });
	return m.votes_summary_ranking({ borda: t.borda, rank: t.meanRank === null ? '–' : t.meanRank.toFixed(1) });
}

/** Column headings and cells of the table alternative, per kind. */
export function tableColumns(kind: string): (() => string)[] {
	switch (kind) {
		case 'agree':
			return [m.votes_answer_agree, m.votes_answer_disagree, m.votes_answer_unsure, m.votes_col_share];
		case 'practice':
			return [m.votes_col_mean, ...[1, 2, 3, 4, 5].map((n) => () => m.votes_col_score({ score: n }))];
		case 'dots':
			return [m.votes_col_dots, m.votes_col_share];
		case 'grid':
			return [m.prioritise_col_impact, m.prioritise_col_effort];
		case 'endorse':
			return [m.validation_stance_endorse, m.validation_stance_endorse_changes, m.validation_stance_object];
		default:
			return [m.votes_col_borda, m.votes_col_rank];
	}
}

export function tableCells(g: GroupResult): string[] {
	const t = g.tally;
	if (!t) return [];
	if ('counts' in t) return [t.counts.agree, t.counts.disagree, t.counts.unsure].map(String).concat(percent(t.share));
	if ('distribution' in t) return [t.mean === null ? '–' : t.mean.toFixed(1), ...t.distribution.map(String)];
	if ('dots' in t) return [String(t.dots), percent(t.share)];
	if ('cells' in t) return [t.impact === null ? '–' : t.impact.toFixed(1), t.effort === null ? '–' : t.effort.toFixed(1)];
	if ('stances' in t) return [t.stances.endorse, t.stances.endorse_changes, t.stances.object].map(String);
	return [String(t.borda), t.meanRank === null ? '–' : t.meanRank.toFixed(1)];
}
