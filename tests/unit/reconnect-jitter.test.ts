import { describe, expect, it } from 'vitest';
import { jitteredBackoff, MAX_BACKOFF_MS } from '../../src/lib/collab/reconnect-jitter';

describe('jittered reconnect backoff', () => {
	it('waits between half and all of the stock step, which doubles from 200 ms up to the cap', () => {
		expect(jitteredBackoff(1, MAX_BACKOFF_MS, () => 0)).toBe(100);
		expect(jitteredBackoff(1, MAX_BACKOFF_MS, () => 1)).toBe(200);
		expect(jitteredBackoff(3, MAX_BACKOFF_MS, () => 0.5)).toBe(600);
		expect(jitteredBackoff(10, MAX_BACKOFF_MS, () => 1)).toBe(2500);
		expect(jitteredBackoff(10, MAX_BACKOFF_MS, () => 0)).toBe(1250);
	});

	it('spreads clients that failed the same number of times', () => {
		const waits = new Set(Array.from({ length: 200 }, () => jitteredBackoff(5)));
		expect(waits.size).toBeGreaterThan(100);
		for (const w of waits) expect(w >= 1250 && w <= 2500).toBe(true);
	});
});
