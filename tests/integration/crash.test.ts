import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../helpers/crash-trials';

describe('durability under kill -9', () => {
	it('keeps every edit a peer had received across 20 random SIGKILLs, and never serves an empty document', async () => {
		const result = await runCrashTrials(20);
		expect(result.trials).toBe(20);
		expect(result.seenEdits).toBeGreaterThan(100);
		expect(result.lost).toBe(0);
		expect(result.emptyLoads).toBe(0);
	}, 180_000);
});
