import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { resultsCsv } from '../../src/lib/server/votes/results-csv';
import { computeResults } from '../../src/lib/server/votes/results';
import { isGap } from '../../src/lib/server/votes/tallies';
import type { CountedBallot } from '../../src/lib/server/votes/tallies';

let n = 0;
const ballot = (roleGroup: string, value: CountedBallot['value'], itemKey = ''): CountedBallot => ({ participantId: `p${n++}`, itemKey, value, reason: '', roleGroup });
const kindOf = (g: string) => (g === 'Officer' ? 'civil_servants' : g === 'Resident' ? 'civil_society' : 'other');

describe('results as CSV', () => {
	it('writes one row per item and group, hidden groups without counts, formulas defused', () => {
		const ballots = [...Array.from({ length: 3 }, () => ballot('Officer', { score: 4 }, 'i1')), ballot('Resident', { score: 1 }, 'i1')];
		const results = computeResults({ kind: 'practice', items: [{ id: 'i1', text: '=HYPERLINK("x")', findingId: null }], ballots, kindOf, shownGroups: [], anonymous: false });
		const csv = resultsCsv(results, 'hidden to protect fewer than 3 people');
		expect(csv.split('\r\n')).toHaveLength(5);
		const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
		expect(Object.keys(rows[0]!)).toEqual(['item', 'statement', 'finding_id', 'group_scope', 'group', 'voters', 'note', 'gap', 'mean', 'score_1', 'score_2', 'score_3', 'score_4', 'score_5']);
		expect(rows[1]).toMatchObject({ item: '1', statement: `'=HYPERLINK("x")`, group_scope: 'kind', group: 'civil_servants', voters: '3', mean: '4', score_4: '3' });
		// Civil society (1 voter) is hidden, and so is the total: 4 - 3 would give it away.
		for (const row of [rows[0]!, rows[2]!]) expect(row).toMatchObject({ voters: '', note: 'hidden to protect fewer than 3 people', mean: '', score_1: '' });
		expect(rows[3]).toMatchObject({ group: 'other', voters: '0', note: '' });
	});
});

describe('paper-versus-practice gap thresholds', () => {
	it('ranking: mean places a third of the items apart, and at least 2', () => {
		expect(isGap('ranking', { borda: 0, meanRank: 1 }, { borda: 0, meanRank: 3 }, 3)).toBe(true);
		expect(isGap('ranking', { borda: 0, meanRank: 1 }, { borda: 0, meanRank: 2.5 }, 3)).toBe(false);
		expect(isGap('ranking', { borda: 0, meanRank: 1 }, { borda: 0, meanRank: 3.5 }, 9)).toBe(false);
		expect(isGap('ranking', { borda: 0, meanRank: 1 }, { borda: 0, meanRank: 4 }, 9)).toBe(true);
		expect(isGap('ranking', { borda: 0, meanRank: null }, { borda: 0, meanRank: 4 }, 9)).toBe(false);
	});

	it('agree at 0.4 share, practice at 1.5 points, dots at 0.25 share', () => {
		expect(isGap('agree', { counts: { agree: 0, disagree: 0, unsure: 0 }, share: 0.8 }, { counts: { agree: 0, disagree: 0, unsure: 0 }, share: 0.4 }, 1)).toBe(true);
		expect(isGap('agree', { counts: { agree: 0, disagree: 0, unsure: 0 }, share: 0.8 }, { counts: { agree: 0, disagree: 0, unsure: 0 }, share: 0.41 }, 1)).toBe(false);
		expect(isGap('practice', { mean: 4, distribution: [] }, { mean: 2.5, distribution: [] }, 1)).toBe(true);
		expect(isGap('practice', { mean: 4, distribution: [] }, { mean: 2.6, distribution: [] }, 1)).toBe(false);
		expect(isGap('dots', { dots: 1, share: 0.5 }, { dots: 1, share: 0.25 }, 1)).toBe(true);
		expect(isGap('dots', { dots: 1, share: 0.5 }, { dots: 1, share: 0.3 }, 1)).toBe(false);
	});
});
