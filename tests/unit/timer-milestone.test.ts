/** The timer milestones said aloud: 5 minutes left, 1 minute left, time is up; nothing else. */
import { describe, expect, it } from 'vitest';
import { minutesLeft, timerMilestone } from '../../src/lib/timer-milestone';

const MIN = 60_000;

describe('timer milestones', () => {
	it('says 5 minutes, 1 minute and time is up when the minute is crossed', () => {
		expect(timerMilestone(6, 5 * MIN)).toBe('5 minutes left.');
		expect(timerMilestone(2, 1 * MIN - 1)).toBe('1 minute left.');
		expect(timerMilestone(1, 0)).toBe('Time is up.');
	});

	it('says nothing for other minutes, a steady minute, a new timer or no timer', () => {
		expect(timerMilestone(4, 3 * MIN)).toBeNull();
		expect(timerMilestone(5, 4.5 * MIN)).toBeNull();
		expect(timerMilestone(null, 5 * MIN)).toBeNull();
		expect(timerMilestone(1, 10 * MIN)).toBeNull();
		expect(timerMilestone(5, null)).toBeNull();
		expect(minutesLeft(61_000)).toBe(2);
	});
});
