/**
 * Prioritisation: the impact and effort grid tallied through computeResults (with the same
 * small-group suppression as every vote), and the quadrant and horizon suggested from it.
 */
import { describe, expect, it } from 'vitest';
import { computeResults, type ResultsInput } from '../../src/lib/server/votes/results';
import type { CountedBallot } from '../../src/lib/server/votes/tallies';
import type { GridTally } from '../../src/lib/shared/vote-results';
import { gridQuadrant, overallGridTally, suggestHorizon } from '../../src/lib/shared/horizon-suggestion';

const KIND: Record<string, string> = { Officer: 'civil_servants', Resident: 'civil_society', Expert: 'other' };
let n = 0;
const placed = (roleGroup: string, impact: number, effort: number, itemKey = 'i1'): CountedBallot => ({
	participantId: `p${n++}`,
	itemKey,
	value: { impact, effort },
	reason: '',
	roleGroup
});
const input = (ballots: CountedBallot[]): ResultsInput => ({
	kind: 'grid',
	items: [
		{ id: 'i1', text: 'Easy-read forms', findingId: null, actionPointId: 'apformsaaaaaaaaa' },
		{ id: 'i2', text: 'Accessible housing plan', findingId: null, actionPointId: 'aphousingaaaaaaa' }
	],
	ballots,
	kindOf: (g) => KIND[g] ?? 'other',
	shownGroups: [],
	anonymous: true
});
const group = (r: ReturnType<typeof computeResults>, key: string, item = 0) => r.items[item]!.groups.find((g) => g.key === key)!;

describe('horizon suggestion from mean impact and effort', () => {
	it.each([
		[{ impact: 3, effort: 1 }, 'quick_win', 'quick_win'],
		[{ impact: 2, effort: 1.99 }, 'quick_win', 'quick_win'],
		[{ impact: 2, effort: 2 }, 'strategic', 'strategic'],
		[{ impact: 2.67, effort: 3 }, 'strategic', 'strategic'],
		[{ impact: 1.99, effort: 1 }, 'fill_in', null],
		[{ impact: 1, effort: 2.5 }, 'reconsider', null]
	] as const)('%o is %s, suggested %s', (means, quadrant, horizon) => {
		expect(gridQuadrant(means)).toBe(quadrant);
		expect(suggestHorizon(means)).toBe(horizon);
	});

	it('suggests nothing without answers', () => {
		expect(suggestHorizon(null)).toBeNull();
		expect(suggestHorizon({ impact: null, effort: null })).toBeNull();
		expect(gridQuadrant(undefined)).toBeNull();
	});
});

describe('grid tallies through computeResults', () => {
	it('gives means and the nine cells, by group, and a suggestion from everyone', () => {
		const r = computeResults(
			input([placed('Officer', 3, 1), placed('Officer', 3, 2), placed('Officer', 2, 1), placed('Resident', 3, 1), placed('Resident', 2, 1), placed('Resident', 3, 2)])
		);
		expect(r.kind).toBe('grid');
		expect(r.voters).toBe(6);
		const all = group(r, 'all').tally as GridTally;
		expect(all).toEqual({ impact: 2.67, effort: 1.33, cells: [0, 0, 0, 2, 0, 0, 2, 2, 0] });
		expect((group(r, 'kind:civil_servants').tally as GridTally).impact).toBe(2.67);
		expect(r.items[0]!.actionPointId).toBe('apformsaaaaaaaaa');
		expect(overallGridTally(r.items[0]!)).toEqual(all);
		expect(suggestHorizon(overallGridTally(r.items[0]!))).toBe('quick_win');
		// Nobody placed the second point: all hidden, no suggestion.
		expect(r.items[1]!.groups.every((g) => g.hidden && g.tally === null)).toBe(true);
		expect(overallGridTally(r.items[1]!)).toBeNull();
		expect(r.items[0]!.gap).toBe(false);
		expect(r.items[0]!.reasons).toEqual([]);
	});

	it('hides small groups and the total that would give them away, and then suggests nothing', () => {
		const r = computeResults(
			input([placed('Officer', 3, 3), placed('Officer', 3, 3), placed('Officer', 3, 3), placed('Resident', 1, 1), placed('Resident', 1, 1), placed('Resident', 1, 1), placed('Expert', 1, 3)])
		);
		expect(group(r, 'kind:other')).toEqual({ key: 'kind:other', scope: 'kind', name: 'other', hidden: true, voters: null, tally: null });
		expect(group(r, 'all')).toMatchObject({ hidden: true, voters: null, tally: null });
		expect(group(r, 'kind:civil_servants').tally).toEqual({ impact: 3, effort: 3, cells: [0, 0, 0, 0, 0, 0, 0, 0, 3] });
		expect(overallGridTally(r.items[0]!)).toBeNull();
		expect(suggestHorizon(overallGridTally(r.items[0]!))).toBeNull();
	});

	it('hides everything below three voters', () => {
		const r = computeResults(input([placed('Officer', 3, 1), placed('Resident', 3, 1)]));
		expect(r.voters).toBeNull();
		expect(r.items[0]!.groups.every((g) => g.hidden)).toBe(true);
		expect(overallGridTally(r.items[0]!)).toBeNull();
	});
});
