/**
 * Vote results as CSV (documented in docs/votes.md): one row per item and group. A hidden group's
 * row has no counts, only the note that fewer than 3 people are in it.
 */
import Papa from 'papaparse';
import type { GroupResult, Tally, VoteResults } from '../../shared/vote-results';
import type { VoteKind } from '../../shared/vote-rules';

const TALLY_COLUMNS: Record<VoteKind, string[]> = {
	agree: ['agree', 'disagree', 'unsure', 'agree_share'],
	practice: ['mean', 'score_1', 'score_2', 'score_3', 'score_4', 'score_5'],
	dots: ['dots', 'dots_share'],
	ranking: ['borda', 'mean_rank'],
	grid: ['mean_impact', 'mean_effort'],
	endorse: ['endorse', 'endorse_with_changes', 'object']
};

export const CSV_COLUMNS = ['item', 'statement', 'finding_id', 'group_scope', 'group', 'voters', 'note', 'gap'];

function tallyCells(tally: Tally | null): (string | number)[] {
	if (!tally) return [];
	if ('counts' in tally) return [tally.counts.agree, tally.counts.disagree, tally.counts.unsure, tally.share];
	if ('distribution' in tally) return [tally.mean ?? '', ...tally.distribution];
	if ('dots' in tally) return [tally.dots, tally.share];
	if ('cells' in tally) return [tally.impact ?? '', tally.effort ?? ''];
	if ('stances' in tally) return [tally.stances.endorse, tally.stances.endorse_changes, tally.stances.object];
	return [tally.borda, tally.meanRank ?? ''];
}

/** Keeps spreadsheet programs from running cells as formulas. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function resultsCsv(results: VoteResults, hiddenNote: string): string {
	const columns = TALLY_COLUMNS[results.kind];
	const rows: (string | number)[][] = [];
	results.items.forEach((item, i) => {
		for (const g of item.groups as GroupResult[]) {
			const tally = g.hidden ? columns.map(() => '') : tallyCells(g.tally);
			rows.push([i + 1, safe(item.text), item.findingId ?? '', g.scope, safe(g.name || 'all'), g.hidden ? '' : (g.voters ?? 0), g.hidden ? hiddenNote : '', item.gap ? 'yes' : 'no', ...tally]);
		}
	});
	return Papa.unparse({ fields: [...CSV_COLUMNS, ...columns], data: rows });
}
