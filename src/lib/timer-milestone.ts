/**
 * The timer milestones worth saying aloud (5 minutes left, 1 minute left, time is up), found by
 * comparing the whole minutes left now with the minutes left at the previous reading.
 */
import { m } from '$lib/paraglide/messages';

/** Whole minutes left, rounded up (as the display shows them), or null without a timer. */
export function minutesLeft(timeLeft: number | null): number | null {
	return timeLeft === null ? null : Math.ceil(timeLeft / 60_000);
}

/** What to announce when the timer went from `before` minutes to `timeLeft` ms, or null. */
export function timerMilestone(before: number | null, timeLeft: number | null): string | null {
	const left = minutesLeft(timeLeft);
	if (left === null || before === null || left >= before) return null;
	if (timeLeft === 0) return m.timer_done();
	if (left === 1 || left === 5) return m.timer_minutes_left({ minutes: left });
	return null;
}
