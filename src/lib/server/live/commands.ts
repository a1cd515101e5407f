/**
 * Facilitator commands and the pure state transition they cause. Kept free of the database so
 * every rule can be tested on its own.
 */

export interface ControlRow {
	currentActivityId: string | null;
	focus: boolean;
	locked: boolean;
	hiddenWriting: boolean;
	revealed: boolean;
	timerEndsAt: number | null;
	timerRemainingMs: number | null;
}

export type Command =
	| { type: 'goto'; activityId: string }
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'timer-start'; minutes: number }
	| { type: 'timer-pause' }
	| { type: 'timer-resume' }
	| { type: 'timer-add'; minutes: number }
	| { type: 'timer-clear' }
	| { type: 'focus'; on: boolean }
	| { type: 'lock'; on: boolean }
	| { type: 'hidden-writing'; on: boolean }
	| { type: 'reveal'; on: boolean };

export const MAX_TIMER_MINUTES = 240;
const MINUTE = 60_000;

export class CommandError extends Error {
	constructor(readonly code: 'unknown_activity' | 'bad_minutes' | 'no_timer' | 'bad_command') {
		super(code);
		this.name = 'CommandError';
	}
}

function minutes(value: number): number {
	if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MINUTES) throw new CommandError('bad_minutes');
	return Math.round(value * MINUTE);
}

/** Parses a command from form fields; throws CommandError on anything unexpected. */
export function parseCommand(fields: Record<string, string>): Command {
	const on = fields.on === 'true';
	switch (fields.command) {
		case 'goto':
			if (!fields.activityId) throw new CommandError('unknown_activity');
			return { type: 'goto', activityId: fields.activityId };
		case 'next':
		case 'previous':
		case 'timer-pause':
		case 'timer-resume':
		case 'timer-clear':
			return { type: fields.command };
		case 'timer-start':
		case 'timer-add':
			return { type: fields.command, minutes: Number(fields.minutes) };
		case 'focus':
		case 'lock':
		case 'hidden-writing':
		case 'reveal':
			return { type: fields.command, on };
		default:
			throw new CommandError('bad_command');
	}
}

/** Moving to another activity starts it clean: timer cleared, unlocked, revealed unless hidden writing. */
function enter(row: ControlRow, activityId: string | null): ControlRow {
	return {
		...row,
		currentActivityId: activityId,
		locked: false,
		revealed: !row.hiddenWriting,
		timerEndsAt: null,
		timerRemainingMs: null
	};
}

/** The control state after `command`, given the agenda's activity ids in order. */
export function applyCommand(row: ControlRow, command: Command, agenda: string[], now: number): ControlRow {
	const index = row.currentActivityId ? agenda.indexOf(row.currentActivityId) : -1;
	switch (command.type) {
		case 'goto':
			if (!agenda.includes(command.activityId)) throw new CommandError('unknown_activity');
			return enter(row, command.activityId);
		case 'next':
			return index + 1 < agenda.length ? enter(row, agenda[index + 1]!) : row;
		case 'previous':
			return index > 0 ? enter(row, agenda[index - 1]!) : row;
		case 'timer-start':
			return { ...row, timerEndsAt: now + minutes(command.minutes), timerRemainingMs: null };
		case 'timer-pause':
			if (row.timerEndsAt === null) throw new CommandError('no_timer');
			return { ...row, timerEndsAt: null, timerRemainingMs: Math.max(0, row.timerEndsAt - now) };
		case 'timer-resume':
			if (row.timerRemainingMs === null) throw new CommandError('no_timer');
			return { ...row, timerEndsAt: now + row.timerRemainingMs, timerRemainingMs: null };
		case 'timer-add': {
			const extra = minutes(command.minutes);
			if (row.timerEndsAt !== null) return { ...row, timerEndsAt: Math.max(row.timerEndsAt, now) + extra };
			if (row.timerRemainingMs !== null) return { ...row, timerRemainingMs: row.timerRemainingMs + extra };
			throw new CommandError('no_timer');
		}
		case 'timer-clear':
			return { ...row, timerEndsAt: null, timerRemainingMs: null };
		case 'focus':
			return { ...row, focus: command.on };
		case 'lock':
			return { ...row, locked: command.on };
		case 'hidden-writing':
			// Turning hidden writing on hides what is there; turning it off shows everything.
			return { ...row, hiddenWriting: command.on, revealed: !command.on };
		case 'reveal':
			return { ...row, revealed: command.on };
	}
}
