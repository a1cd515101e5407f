import { describe, expect, it } from 'vitest';
import { computeResults, type ResultsInput } from '../../src/lib/server/votes/results';
import type { CountedBallot } from '../../src/lib/server/votes/tallies';
import type { BallotValue } from '../../src/lib/shared/vote-rules';
import type { AgreeTally, DotsTally, PracticeTally, RankingTally } from '../../src/lib/shared/vote-results';
import { suggestedOutcome, validationDetail } from '../../src/lib/server/votes/validation';

const KIND: Record<string, string> = { Officer: 'civil_servants', Manager: 'civil_servants', Resident: 'civil_society', NGO: 'civil_society', Expert: 'other' };
let n = 0;
const b = (roleGroup: string, value: BallotValue, itemKey = 'i1', reason = ''): CountedBallot => ({ participantId: `p${n++}`, itemKey, value, reason, roleGroup });
const input = (kind: ResultsInput['kind'], ballots: CountedBallot[], extra: Partial<ResultsInput> = {}): ResultsInput => ({
	kind,
	items: [
		{ id: 'i1', text: 'Ramps at every school', findingId: 'f1' },
		{ id: 'i2', text: 'Forms in easy language', findingId: 'f2' }
	],
	ballots,
	kindOf: (g) => KIND[g] ?? 'other',
	shownGroups: [],
	anonymous: false,
	...extra
});
const repeat = (k: number, f: () => CountedBallot) => Array.from({ length: k }, f);
const group = (r: ReturnType<typeof computeResults>, key: string, item = 0) => r.items[item]!.groups.find((g) => g.key === key)!;

describe('vote results by group', () => {
	it('counts agree votes with shares, by kind', () => {
		const r = computeResults(
			input('agree', [...repeat(3, () => b('Officer', { choice: 'agree' })), ...repeat(2, () => b('Resident', { choice: 'disagree' })), b('Resident', { choice: 'unsure' }), b('NGO', { choice: 'agree' })])
		);
		expect(r.voters).toBe(7);
		expect(group(r, 'all').tally).toEqual({ counts: { agree: 4, disagree: 2, unsure: 1 }, share: 0.5714 });
		expect((group(r, 'kind:civil_servants').tally as AgreeTally).share).toBe(1);
		expect((group(r, 'kind:civil_society').tally as AgreeTally).counts).toEqual({ agree: 1, disagree: 2, unsure: 1 });
		expect(group(r, 'kind:other')).toMatchObject({ hidden: false, voters: 0 });
		// 100% against 25%: a paper-versus-practice gap.
		expect(r.items[0]!.gap).toBe(true);
		// Nobody voted on the second item: everything there is hidden.
		expect(r.items[1]!.groups.every((g) => g.hidden && g.voters === null && g.tally === null)).toBe(true);
	});

	it('hides a small group with no counts, and the total that would give it away', () => {
		const r = computeResults(input('agree', [...repeat(4, () => b('Officer', { choice: 'agree' })), ...repeat(4, () => b('Resident', { choice: 'agree' })), b('Expert', { choice: 'disagree' }, 'i1', 'Not in my district')]));
		expect(group(r, 'kind:other')).toEqual({ key: 'kind:other', scope: 'kind', name: 'other', hidden: true, voters: null, tally: null });
		// 9 - 4 - 4 = 1 would reveal the expert's vote, so the total is hidden; both sides stay shown.
		expect(r.items[0]!.groups.filter((g) => g.hidden).map((g) => g.key)).toEqual(['all', 'kind:other']);
		expect(group(r, 'kind:civil_servants')).toMatchObject({ hidden: false, voters: 4 });
		expect(group(r, 'kind:civil_society')).toMatchObject({ hidden: false, voters: 4 });
		// The lone expert's reason is left out: set against the sides' answers it would tell how they voted.
		expect(r.items[0]!.reasons).toEqual([]);
		expect(r.items[0]!.gap).toBe(false);
	});

	it('shows reasons of a hidden group when it is not a lone one, without saying whose', () => {
		const r = computeResults(
			input('agree', [
				...repeat(4, () => b('Officer', { choice: 'agree' })),
				...repeat(2, () => b('Expert', { choice: 'disagree' }, 'i1', 'Not in my district')),
				b('Resident', { choice: 'disagree' }, 'i1', 'Too slow'),
				b('Resident', { choice: 'agree' })
			])
		);
		// Civil society (2) and others (2) are hidden: together 4, so the total stays.
		expect(group(r, 'all')).toMatchObject({ hidden: false, voters: 8 });
		expect(group(r, 'kind:other')).toMatchObject({ hidden: true });
		expect(group(r, 'kind:civil_society')).toMatchObject({ hidden: true });
		expect(r.items[0]!.reasons).toEqual([{ answer: 'disagree', reasons: [{ text: 'Not in my district' }, { text: 'Not in my district' }, { text: 'Too slow' }] }]);
	});

	it('shows declared role groups the workshop chose, with the same rules', () => {
		const ballots = [...repeat(3, () => b('Officer', { choice: 'agree' })), ...repeat(3, () => b('Manager', { choice: 'agree' })), ...repeat(3, () => b('Resident', { choice: 'disagree' }))];
		ballots[0]!.reason = 'Budget is there';
		const r = computeResults(input('agree', ballots, { shownGroups: ['Officer', 'Resident'] }));
		expect(group(r, 'group:Officer')).toMatchObject({ hidden: false, voters: 3 });
		expect(group(r, 'group:Resident')).toMatchObject({ hidden: false, voters: 3 });
		expect(r.items[0]!.reasons[0]!.reasons[0]).toEqual({ text: 'Budget is there', group: 'Officer' });
		const anonymous = computeResults(input('agree', ballots, { shownGroups: ['Officer'], anonymous: true }));
		expect(anonymous.items[0]!.reasons[0]!.reasons[0]).toEqual({ text: 'Budget is there' });
	});

	it('practice: mean and distribution, gap at 1.5 points', () => {
		const r = computeResults(input('practice', [...repeat(3, () => b('Officer', { score: 5 })), b('Resident', { score: 3 }), b('Resident', { score: 3 }), b('NGO', { score: 4 })]));
		expect(group(r, 'kind:civil_servants').tally).toEqual({ mean: 5, distribution: [0, 0, 0, 0, 3] });
		expect((group(r, 'kind:civil_society').tally as PracticeTally).mean).toBe(3.33);
		expect(r.items[0]!.gap).toBe(true);
		expect(r.items[0]!.reasons).toEqual([]);
	});

	it('dots: sum per item and share of the group’s dots', () => {
		const ballots = [
			...repeat(3, () => b('Officer', { dots: { i1: 3, i2: 1 } }, '')),
			...repeat(3, () => b('Resident', { dots: { i1: 1, i2: 3 } }, ''))
		];
		const r = computeResults(input('dots', ballots));
		expect(group(r, 'all').tally).toEqual({ dots: 12, share: 0.5 });
		expect((group(r, 'kind:civil_servants').tally as DotsTally).share).toBe(0.75);
		expect(r.items[0]!.gap).toBe(true);
	});

	it('ranking: Borda score and mean place', () => {
		const ballots = [...repeat(3, () => b('Officer', { order: ['i1', 'i2'] }, '')), ...repeat(3, () => b('Resident', { order: ['i2'] }, ''))];
		const r = computeResults(input('ranking', ballots));
		expect(group(r, 'all').tally).toEqual({ borda: 6, meanRank: 1 } satisfies RankingTally);
		expect(group(r, 'all', 1).tally).toEqual({ borda: 9, meanRank: 1.5 });
		expect(r.items[0]!.gap).toBe(false);
	});

	it('suggests an outcome and keeps only shown groups and the losing side’s reasons', () => {
		const ballots = [...repeat(3, () => b('Officer', { choice: 'agree' })), b('Resident', { choice: 'agree' }), b('Resident', { choice: 'disagree' }), b('Resident', { choice: 'disagree' }, 'i1', 'Buses skip us')];
		const item = computeResults(input('agree', ballots)).items[0]!;
		expect(suggestedOutcome(item)).toBe('contested');
		const detail = validationDetail('validated', 'act', item);
		expect(detail.tallies.map((t) => t.group)).toEqual(['all', 'kind:civil_servants', 'kind:civil_society', 'kind:other']);
		expect(detail.minorityReasons).toEqual(['Buses skip us']);
		const agreed = computeResults(input('agree', repeat(6, () => b('Officer', { choice: 'agree' })))).items[0]!;
		expect(suggestedOutcome(agreed)).toBe('validated');
	});
});
