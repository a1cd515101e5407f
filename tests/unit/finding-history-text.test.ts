import { describe, expect, it } from 'vitest';
import { changeLines, entryTitle, reasonLines, tallyLines } from '../../src/lib/components/findings/history-text';
import { parseRatingScale } from '../../src/lib/shared/rating-scale';

const scale = parseRatingScale('[]');

describe('history entries as text', () => {
	it('shows changed fields with translated values', () => {
		const entry = { action: 'edited', detail: { changes: { rating: [null, 'partly_in_place'], effect: ['none', 'negative'], statement: ['Old', 'New'] } } };
		expect(entryTitle(entry, scale)).toBe('Edited');
		expect(changeLines(entry, scale)).toEqual(['Rating: (empty) → Partly in place', "Effect on people's rights: No effect → Negative", 'Statement: Old → New']);
	});

	it('uses the cycle’s own rating labels', () => {
		const own = parseRatingScale(JSON.stringify([{ key: 'green', label: 'Green light' }]));
		expect(changeLines({ action: 'edited', detail: { changes: { rating: [null, 'green'] } } }, own)).toEqual(['Rating: (empty) → Green light']);
	});

	it('renders a workshop validation with its outcome, tallies per role group and the minority’s reasons', () => {
		const entry = {
			action: 'workshop_validation',
			detail: {
				outcome: 'contested',
				activityId: 'a1',
				tallies: [
					{ group: 'civil_society', label: 'Civil society', voters: 7, counts: { agree: 2, disagree: 5 } },
					{ group: 'civil_servants', label: 'Civil servants', voters: 1, counts: { agree: 1 } }
				],
				minorityReasons: ['The office exists but nobody knows it', '']
			}
		};
		expect(entryTitle(entry, scale)).toBe('Workshop vote: Contested');
		expect(tallyLines(entry, scale)).toEqual(['Civil society: 7 voters – agree 2, disagree 5', 'Civil servants: 1 voter – agree 1']);
		expect(reasonLines(entry)).toEqual(['The office exists but nobody knows it']);
	});

	it('survives unknown actions and malformed details', () => {
		expect(entryTitle({ action: 'archived', detail: {} }, scale)).toBe('Changed (archived)');
		expect(changeLines({ action: 'edited', detail: { changes: 'nonsense' } }, scale)).toEqual([]);
		expect(tallyLines({ action: 'workshop_validation', detail: { tallies: 'x' } }, scale)).toEqual([]);
	});
});
