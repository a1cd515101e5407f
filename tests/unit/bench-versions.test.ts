/** The bench's delivery accounting: a version superseded within one delivery counts when its successor arrives. */
import { describe, expect, it } from 'vitest';
import { SentVersions } from '../../bench/versions';

describe('SentVersions', () => {
	it('credits every version up to the value seen, once', () => {
		const v = new SentVersions();
		for (const t of [10, 20, 30, 40]) v.sent(1, t);
		v.sent(2, 15);
		const latencies: number[] = [];
		const seen = v.observer((ms) => latencies.push(ms));
		seen(1, 10, 12); // first version alone
		seen(1, 30, 35); // 20 was superseded by 30 in the same delivery
		seen(1, 30, 36); // the same value again (another key changed) counts nothing
		seen(2, 15, 50);
		expect(latencies).toEqual([2, 15, 5, 35]);
		seen(1, 40, 41);
		expect(latencies).toHaveLength(5);
	});
});
