import { describe, expect, it } from 'vitest';
import { checkCycleInput, customScale, isIsoDate, ratingKeyFor, type CycleInput } from '../../src/lib/shared/cycle-rules';

const input = (over: Partial<CycleInput> = {}): CycleInput => ({
	name: 'Self-assessment 2025',
	periodStart: '2025-01-01',
	periodEnd: '2025-12-31',
	purpose: 'Find out where we stand.',
	frameworkId: 'fw1',
	scale: 'default',
	scaleLabels: '',
	...over
});

describe('cycle rules', () => {
	it('accepts a complete cycle with the default scale (stored as an empty list)', () => {
		const { value, issues } = checkCycleInput(input({ name: '  Self-assessment 2025 ' }));
		expect(issues).toEqual({});
		expect(value).toEqual({ name: 'Self-assessment 2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', purpose: 'Find out where we stand.', frameworkId: 'fw1', ratingScale: [] });
	});

	it('leaves the period open when the dates are empty', () => {
		const { value, issues } = checkCycleInput(input({ periodStart: '', periodEnd: '' }));
		expect(issues).toEqual({});
		expect([value.periodStart, value.periodEnd]).toEqual([null, null]);
	});

	it('refuses an end before the start, impossible dates, and missing name and framework', () => {
		expect(checkCycleInput(input({ periodStart: '2025-06-01', periodEnd: '2025-05-31' })).issues).toEqual({ periodEnd: 'end_before_start' });
		expect(checkCycleInput(input({ periodStart: '2025-02-30', periodEnd: '31/12/2025' })).issues).toEqual({ periodStart: 'date_invalid', periodEnd: 'date_invalid' });
		expect(checkCycleInput(input({ name: ' ', frameworkId: '' })).issues).toEqual({ name: 'name_required', frameworkId: 'framework_required' });
		expect(checkCycleInput(input({ name: 'x'.repeat(121), purpose: 'x'.repeat(2001), scale: 'other' })).issues).toEqual({ name: 'name_too_long', purpose: 'purpose_too_long', scale: 'scale_invalid' });
	});

	it('accepts the same day as start and end', () => {
		expect(checkCycleInput(input({ periodStart: '2025-03-01', periodEnd: '2025-03-01' })).issues).toEqual({});
	});

	it('turns custom labels into a scale with stable keys', () => {
		const { value, issues } = checkCycleInput(input({ scale: 'custom', scaleLabels: 'Fully in place\r\n\n Partly  \nNot at all\nŻadne' }));
		expect(issues).toEqual({});
		expect(value.ratingScale).toEqual([
			{ key: 'fully_in_place', label: 'Fully in place' },
			{ key: 'partly', label: 'Partly' },
			{ key: 'not_at_all', label: 'Not at all' },
			{ key: 'zadne', label: 'Żadne' }
		]);
	});

	it('refuses too few, too many, too long or repeated labels', () => {
		expect(customScale('Only one').issue).toBe('scale_too_few');
		expect(customScale(Array.from({ length: 11 }, (_, i) => `L${i}`).join('\n')).issue).toBe('scale_too_many');
		expect(customScale(`ok\n${'x'.repeat(61)}`).issue).toBe('scale_label_too_long');
		expect(customScale('Yes\nyes').issue).toBe('scale_duplicate');
	});

	it('makes keys for labels without latin letters and keeps keys unique', () => {
		expect(ratingKeyFor('???', 2)).toBe('option_3');
		expect(customScale('A+\nA-').options.map((o) => o.key)).toEqual(['a', 'a_2']);
	});

	it('knows real calendar dates', () => {
		expect(['2024-02-29', '2025-12-31'].map(isIsoDate)).toEqual([true, true]);
		expect(['2025-02-29', '2025-13-01', '2025-1-1', ''].map(isIsoDate)).toEqual([false, false, false, false]);
	});
});
