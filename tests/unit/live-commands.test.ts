import { describe, expect, it } from 'vitest';
import { applyCommand, CommandError, parseCommand, type ControlRow } from '../../src/lib/server/live/commands';

const start: ControlRow = {
	currentActivityId: null,
	focus: true,
	locked: false,
	hiddenWriting: false,
	revealed: true,
	timerEndsAt: null,
	timerRemainingMs: null
};
const agenda = ['a', 'b', 'c'];
const MIN = 60_000;

describe('facilitator commands', () => {
	it('next starts the agenda, then walks it and stops at the end', () => {
		let row = applyCommand(start, { type: 'next' }, agenda, 0);
		expect(row.currentActivityId).toBe('a');
		row = applyCommand(row, { type: 'next' }, agenda, 0);
		row = applyCommand(row, { type: 'next' }, agenda, 0);
		expect(row.currentActivityId).toBe('c');
		expect(applyCommand(row, { type: 'next' }, agenda, 0).currentActivityId).toBe('c');
		expect(applyCommand(row, { type: 'previous' }, agenda, 0).currentActivityId).toBe('b');
	});

	it('moving to another activity clears the timer and the lock, and hides notes under hidden writing', () => {
		const busy = { ...start, currentActivityId: 'a', locked: true, hiddenWriting: true, revealed: true, timerEndsAt: 5 * MIN };
		const row = applyCommand(busy, { type: 'goto', activityId: 'c' }, agenda, 0);
		expect(row).toMatchObject({ currentActivityId: 'c', locked: false, revealed: false, timerEndsAt: null, timerRemainingMs: null });
	});

	it('refuses an activity that is not on the agenda', () => {
		expect(() => applyCommand(start, { type: 'goto', activityId: 'zzz' }, agenda, 0)).toThrow(CommandError);
	});

	it('runs a timer: start, pause keeps the time left, resume continues, add time extends', () => {
		let row = applyCommand(start, { type: 'timer-start', minutes: 5 }, agenda, 1000);
		expect(row.timerEndsAt).toBe(1000 + 5 * MIN);
		row = applyCommand(row, { type: 'timer-pause' }, agenda, 1000 + MIN);
		expect(row).toMatchObject({ timerEndsAt: null, timerRemainingMs: 4 * MIN });
		row = applyCommand(row, { type: 'timer-add', minutes: 1 }, agenda, 0);
		expect(row.timerRemainingMs).toBe(5 * MIN);
		row = applyCommand(row, { type: 'timer-resume' }, agenda, 10 * MIN);
		expect(row).toMatchObject({ timerEndsAt: 15 * MIN, timerRemainingMs: null });
		expect(applyCommand(row, { type: 'timer-clear' }, agenda, 0)).toMatchObject({ timerEndsAt: null, timerRemainingMs: null });
	});

	it('refuses timers of zero, negative, non-numeric or more than 240 minutes, and changes to a missing timer', () => {
		for (const minutes of [0, -1, Number.NaN, 241]) {
			expect(() => applyCommand(start, { type: 'timer-start', minutes }, agenda, 0)).toThrow(CommandError);
		}
		expect(() => applyCommand(start, { type: 'timer-pause' }, agenda, 0)).toThrow(CommandError);
		expect(() => applyCommand(start, { type: 'timer-add', minutes: 1 }, agenda, 0)).toThrow(CommandError);
	});

	it('hidden writing hides notes until they are revealed', () => {
		let row = applyCommand(start, { type: 'hidden-writing', on: true }, agenda, 0);
		expect(row).toMatchObject({ hiddenWriting: true, revealed: false });
		row = applyCommand(row, { type: 'reveal', on: true }, agenda, 0);
		expect(row.revealed).toBe(true);
	});

	it('parses form fields into commands and rejects unknown ones', () => {
		expect(parseCommand({ command: 'lock', on: 'true' })).toEqual({ type: 'lock', on: true });
		expect(parseCommand({ command: 'timer-start', minutes: '3' })).toEqual({ type: 'timer-start', minutes: 3 });
		expect(() => parseCommand({ command: 'delete-everything' })).toThrow(CommandError);
		expect(() => parseCommand({ command: 'goto' })).toThrow(CommandError);
	});
});
