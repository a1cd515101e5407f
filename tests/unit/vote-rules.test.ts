import { describe, expect, it } from 'vitest';
import { checkBallot, checkSetup, checkStatement, type BallotRules } from '../../src/lib/shared/vote-rules';

const items = ['a', 'b', 'c'];
const rules = (kind: BallotRules['kind']): BallotRules => ({ kind, itemIds: items, budget: 5, cap: 3 });

describe('ballot validation', () => {
	it('accepts agree, disagree and unsure with an optional reason, trimmed', () => {
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: { choice: 'disagree' }, reason: '  too slow  ' })).toEqual({
			ok: true,
			itemKey: 'a',
			value: { choice: 'disagree' },
			reason: 'too slow'
		});
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: { choice: 'maybe' } })).toEqual({ ok: false, issue: 'bad_choice' });
		expect(checkBallot(rules('agree'), { itemKey: 'z', value: { choice: 'agree' } })).toEqual({ ok: false, issue: 'unknown_item' });
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: 'agree' })).toEqual({ ok: false, issue: 'bad_choice' });
	});

	it('limits reasons to 500 characters and refuses non-text reasons', () => {
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: { choice: 'agree' }, reason: 'x'.repeat(500) }).ok).toBe(true);
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: { choice: 'agree' }, reason: 'x'.repeat(501) })).toEqual({ ok: false, issue: 'reason_too_long' });
		expect(checkBallot(rules('agree'), { itemKey: 'a', value: { choice: 'agree' }, reason: 42 }).ok).toBe(false);
	});

	it('takes practice scores 1 to 5, whole numbers only', () => {
		expect(checkBallot(rules('practice'), { itemKey: 'b', value: { score: 5 } }).ok).toBe(true);
		for (const score of [0, 6, 2.5, '3', null]) {
			expect(checkBallot(rules('practice'), { itemKey: 'b', value: { score } })).toEqual({ ok: false, issue: 'bad_score' });
		}
	});

	it('keeps dots within the budget and the cap, on known items', () => {
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { a: 3, b: 2, c: 0 } } })).toEqual({ ok: true, itemKey: '', value: { dots: { a: 3, b: 2 } }, reason: '' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { a: 3, b: 3 } } })).toEqual({ ok: false, issue: 'over_budget' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { a: 4 } } })).toEqual({ ok: false, issue: 'over_cap' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { a: -1 } } })).toEqual({ ok: false, issue: 'bad_dots' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { x: 1 } } })).toEqual({ ok: false, issue: 'unknown_item' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: [1, 2] } })).toEqual({ ok: false, issue: 'bad_dots' });
		expect(checkBallot(rules('dots'), { itemKey: 'a', value: { dots: { a: 1 } } })).toEqual({ ok: false, issue: 'unknown_item' });
		expect(checkBallot(rules('dots'), { itemKey: '', value: { dots: { a: 1 } }, reason: 'why' })).toEqual({ ok: false, issue: 'reason_not_allowed' });
	});

	it('takes a ranking as a permutation of some of the items', () => {
		expect(checkBallot(rules('ranking'), { itemKey: '', value: { order: ['c', 'a'] } }).ok).toBe(true);
		expect(checkBallot(rules('ranking'), { itemKey: '', value: { order: ['a', 'a'] } })).toEqual({ ok: false, issue: 'bad_order' });
		expect(checkBallot(rules('ranking'), { itemKey: '', value: { order: [] } })).toEqual({ ok: false, issue: 'bad_order' });
		expect(checkBallot(rules('ranking'), { itemKey: '', value: { order: ['a', 'z'] } })).toEqual({ ok: false, issue: 'unknown_item' });
		expect(checkBallot(rules('ranking'), { itemKey: '', value: { order: ['a', 'b', 'c', 'a'] } })).toEqual({ ok: false, issue: 'bad_order' });
	});
});

describe('setup validation', () => {
	it('checks kind, budget and cap', () => {
		expect(checkSetup({ kind: 'dots', budget: '5', cap: '2' })).toEqual({ kind: 'dots', budget: 5, cap: 2 });
		expect(checkSetup({ kind: 'poll', budget: '5', cap: '2' })).toEqual({ issues: { kind: 'bad_kind' } });
		expect(checkSetup({ kind: 'dots', budget: '0', cap: '2' })).toEqual({ issues: { budget: 'bad_budget' } });
		expect(checkSetup({ kind: 'dots', budget: '3', cap: '4' })).toEqual({ issues: { cap: 'cap_over_budget' } });
	});

	it('checks free statements', () => {
		expect(checkStatement('  ', 0)).toBe('statement_required');
		expect(checkStatement('x'.repeat(501), 0)).toBe('statement_too_long');
		expect(checkStatement('ok', 30)).toBe('too_many_items');
		expect(checkStatement('ok', 2)).toBeNull();
	});
});
