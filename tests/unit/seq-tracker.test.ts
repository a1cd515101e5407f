import { describe, expect, it } from 'vitest';
import { SeqTracker } from '../../server/sync/seq-tracker';

describe('seq tracker', () => {
	it('advances over consecutive seqs and refuses ones it holds', () => {
		const t = new SeqTracker(3);
		expect(t.add(4)).toBe(true);
		expect(t.add(4)).toBe(false);
		expect(t.add(2)).toBe(false);
		expect(t.contiguous).toBe(4);
		expect(t.hasGap).toBe(false);
	});

	it('keeps early arrivals until the gap before them closes', () => {
		const t = new SeqTracker(0);
		expect(t.add(3)).toBe(true);
		expect(t.add(2)).toBe(true);
		expect(t.contiguous).toBe(0);
		expect(t.hasGap).toBe(true);
		t.add(1);
		expect(t.contiguous).toBe(3);
		expect(t.hasGap).toBe(false);
	});

	it('fills up to what the log returned, keeping later arrivals', () => {
		const t = new SeqTracker(0);
		t.add(5);
		t.add(9);
		t.fillTo(6);
		expect(t.contiguous).toBe(6);
		expect(t.hasGap).toBe(true);
		t.fillTo(8);
		expect(t.contiguous).toBe(9);
		expect(t.hasGap).toBe(false);
	});
});
