/**
 * The live announcer's queue: messages gathered and spoken at most once per interval, repeats
 * dropped, counts added up, and pausing holds everything (lists too) until one resume summary.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveAnnouncer } from '../../src/lib/live-announcer.svelte';

const GATHER = 500;
const INTERVAL = 2000;
const note = { key: 'notes', count: 1, text: (n: number) => (n === 1 ? '1 new note.' : `${n} new notes.`) };

describe('the live announcer', () => {
	let announcer: LiveAnnouncer;
	beforeEach(() => {
		vi.useFakeTimers();
		announcer = new LiveAnnouncer({ gatherMs: GATHER, intervalMs: INTERVAL });
	});
	afterEach(() => {
		announcer.destroy();
		vi.useRealTimers();
	});

	it('says a message after the gathering moment, not at once', () => {
		announcer.announce('Connected again.');
		expect(announcer.spoken).toBeNull();
		vi.advanceTimersByTime(GATHER);
		expect(announcer.spoken?.text).toBe('Connected again.');
	});

	it('turns a burst of 20 notes into one "20 new notes"', () => {
		for (let i = 0; i < 20; i++) {
			announcer.announce(note);
			vi.advanceTimersByTime(10);
		}
		vi.advanceTimersByTime(GATHER);
		expect(announcer.spoken?.text).toBe('20 new notes.');
	});

	it('speaks at most once per interval and gathers what arrives meanwhile', () => {
		announcer.announce(note);
		vi.advanceTimersByTime(GATHER);
		const first = announcer.spoken;
		expect(first?.text).toBe('1 new note.');
		announcer.announce(note);
		announcer.announce(note);
		announcer.announce({ key: 'activity', text: 'Now: Voting.' });
		vi.advanceTimersByTime(GATHER);
		expect(announcer.spoken).toBe(first);
		vi.advanceTimersByTime(INTERVAL - GATHER);
		expect(announcer.spoken?.text).toBe('2 new notes. Now: Voting.');
		expect(announcer.spoken!.seq).toBeGreaterThan(first!.seq);
	});

	it('drops a repeated message and keeps only the latest of a kind', () => {
		announcer.announce('Contributions are locked.');
		announcer.announce('Contributions are locked.');
		announcer.announce({ key: 'activity', text: 'Now: Welcome.' });
		announcer.announce({ key: 'activity', text: 'Now: Barriers.' });
		vi.advanceTimersByTime(GATHER);
		expect(announcer.spoken?.text).toBe('Contributions are locked. Now: Barriers.');
	});

	it('says the same message again later, with a new seq so screen readers read it', () => {
		announcer.announce('Connection lost. Your changes are kept and sent once it is back.');
		vi.advanceTimersByTime(GATHER);
		const first = announcer.spoken!;
		announcer.announce('Connection lost. Your changes are kept and sent once it is back.');
		vi.advanceTimersByTime(INTERVAL);
		expect(announcer.spoken!.text).toBe(first.text);
		expect(announcer.spoken!.seq).toBe(first.seq + 1);
	});

	it('says nothing while paused, counts what waits, and resumes with one summary', () => {
		announcer.pause();
		expect(announcer.paused).toBe(true);
		const before = announcer.spoken;
		for (let i = 0; i < 12; i++) announcer.announce(note);
		vi.advanceTimersByTime(GATHER);
		expect(announcer.waiting).toBe(12);
		announcer.announce({ key: 'activity', text: 'Now: Voting.' });
		announcer.announce({ key: 'timer', text: '5 minutes left.' });
		vi.advanceTimersByTime(INTERVAL * 3);
		expect(announcer.waiting).toBe(14);
		expect(announcer.spoken).toBe(before);

		announcer.resume();
		expect(announcer.paused).toBe(false);
		expect(announcer.waiting).toBe(0);
		expect(announcer.spoken?.text).toBe('Live updates are on again. 12 new notes. Now: Voting. 5 minutes left.');
		vi.advanceTimersByTime(INTERVAL * 3);
		expect(announcer.spoken?.text).toBe('Live updates are on again. 12 new notes. Now: Voting. 5 minutes left.');
	});

	it('holds a message that was waiting to be spoken when the pause began', () => {
		announcer.announce(note);
		announcer.pause();
		expect(announcer.waiting).toBe(1);
		vi.advanceTimersByTime(INTERVAL);
		expect(announcer.spoken).toBeNull();
		announcer.toggle();
		expect(announcer.spoken?.text).toBe('Live updates are on again. 1 new note.');
	});

	it('says so when nothing arrived during the pause', () => {
		announcer.toggle();
		announcer.toggle();
		expect(announcer.spoken?.text).toBe('Live updates are on again. Nothing new arrived.');
	});

	it('keeps a growing list as it was when paused, showing changes to the items it had', () => {
		const list = [{ id: 'a', text: 'one' }];
		expect(announcer.frozen('room', list)).toBe(list);
		announcer.pause();
		expect(announcer.frozen('room', list)).toEqual(list);
		const grown = [{ id: 'a', text: 'one, edited' }, { id: 'b', text: 'two' }];
		expect(announcer.frozen('room', grown)).toEqual([{ id: 'a', text: 'one, edited' }]);
		// A list first seen during the pause keeps what it showed then.
		expect(announcer.frozen('other', [{ id: 'x' }])).toEqual([{ id: 'x' }]);
		expect(announcer.frozen('other', [{ id: 'x' }, { id: 'y' }])).toEqual([{ id: 'x' }]);
		announcer.resume();
		expect(announcer.frozen('room', grown)).toBe(grown);
	});
});
