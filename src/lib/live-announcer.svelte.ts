/**
 * The one place a live page speaks from: a small queue behind a single polite status region.
 * Messages are gathered for a moment and spoken together, at most one message per interval, so a
 * burst of twenty notes is read as "20 new notes", not twenty times. A message that is already
 * waiting is not queued twice. While live updates are paused nothing is spoken: what arrives is held
 * and counted, lists that grow live show the snapshot taken when the pause began (`frozen`), and
 * resuming speaks one summary of what was held.
 */
import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages';

/**
 * - a string: said once, however often it is announced before it is spoken
 * - `{ key, text }`: the latest message of that kind wins (the current activity, the connection)
 * - `{ key, count, text }`: counts add up (new notes), `text(total)` says the sum
 */
export type Announcement = string | { key: string; text: string } | { key: string; count: number; text: (count: number) => string };

interface Queued {
	key: string;
	count: number;
	/** Whether a later message of this key adds its count (new notes) or replaces it (the latest activity). */
	adds: boolean;
	text: (count: number) => string;
	/** How many updates this stands for, for the "n new updates" line while paused. */
	updates: number;
}

export interface AnnouncerTiming {
	/** How long the first message waits for others to join it (ms). */
	gatherMs: number;
	/** The least time between two spoken messages (ms). */
	intervalMs: number;
}

export const DEFAULT_TIMING: AnnouncerTiming = { gatherMs: 700, intervalMs: 2500 };

function toQueued(a: Announcement): Queued {
	if (typeof a === 'string') return { key: `text:${a}`, count: 1, adds: false, text: () => a, updates: 1 };
	if ('count' in a) return { key: a.key, count: a.count, adds: true, text: a.text, updates: a.count };
	return { key: a.key, count: 1, adds: false, text: () => a.text, updates: 1 };
}

/** Adds `item` to `queue`: a repeated string is dropped (false), a keyed message adds up or replaces. */
function merge(queue: Queued[], item: Queued): boolean {
	const same = queue.find((q) => q.key === item.key);
	if (!same) queue.push({ ...item });
	else if (item.key.startsWith('text:')) return false;
	else {
		same.count = item.adds ? same.count + item.count : item.count;
		same.text = item.text;
		same.updates += item.updates;
	}
	return true;
}

function say(queue: Queued[]): string {
	return queue.map((q) => q.text(q.count)).join(' ');
}

export class LiveAnnouncer {
	/** What the status region says; `seq` changes with every message so a repeat is read again. */
	spoken = $state<{ seq: number; text: string } | null>(null);
	/** Whether live updates are paused. */
	paused = $state(false);
	/** Updates held since the pause began (counted in batches, as they would have been spoken). */
	waiting = $state(0);

	readonly #timing: AnnouncerTiming;
	#pending: Queued[] = [];
	#held: Queued[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastFlush = -Infinity;
	#seq = 0;
	readonly #snapshots = new Map<string, Set<string>>();

	constructor(timing: Partial<AnnouncerTiming> = {}) {
		this.#timing = { ...DEFAULT_TIMING, ...timing };
	}

	announce(announcement: Announcement): void {
		merge(this.#pending, toQueued(announcement));
		this.#schedule();
	}

	pause(): void {
		if (this.paused) return;
		this.paused = true;
		this.waiting = 0;
		this.#hold();
	}

	/** Ends the pause: lists show everything again and one summary of what was held is spoken. */
	resume(): void {
		if (!this.paused) return;
		this.#hold();
		const held = say(this.#held);
		this.#held = [];
		this.#snapshots.clear();
		this.paused = false;
		this.waiting = 0;
		this.#speak(held ? m.live_updates_resumed({ summary: held }) : m.live_updates_resumed_nothing());
	}

	toggle(): void {
		if (this.paused) this.resume();
		else this.pause();
	}

	/**
	 * The list to render: itself while live; while paused, only the items that were there when the
	 * pause began (or when the list was first shown during it). Changes to those items still show.
	 */
	frozen<T extends { id: string }>(key: string, list: T[]): T[] {
		if (!this.paused) return list;
		let ids = this.#snapshots.get(key);
		if (!ids) {
			ids = new Set(list.map((item) => item.id));
			this.#snapshots.set(key, ids);
		}
		const kept = ids;
		return list.filter((item) => kept.has(item.id));
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#pending = [];
	}

	#schedule(): void {
		if (this.#timer !== undefined || this.#pending.length === 0) return;
		const now = Date.now();
		const at = Math.max(now + this.#timing.gatherMs, this.#lastFlush + this.#timing.intervalMs);
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#flush();
			this.#schedule();
		}, at - now);
	}

	#flush(): void {
		this.#lastFlush = Date.now();
		if (this.paused) this.#hold();
		else {
			const text = say(this.#pending);
			this.#pending = [];
			if (text) this.#speak(text);
		}
	}

	/** Moves what is waiting to be spoken into what is held for the summary, and counts it. */
	#hold(): void {
		for (const item of this.#pending) if (merge(this.#held, item)) this.waiting += item.updates;
		this.#pending = [];
	}

	#speak(text: string): void {
		this.#lastFlush = Date.now();
		this.spoken = { seq: ++this.#seq, text };
	}
}

const CONTEXT = Symbol('live-announcer');

/** Makes `announcer` the page's announcer for every component below the caller. */
export function provideLiveAnnouncer(announcer: LiveAnnouncer): LiveAnnouncer {
	return setContext(CONTEXT, announcer);
}

/** The page's announcer, or undefined on pages without one (the projector). */
export function useLiveAnnouncer(): LiveAnnouncer | undefined {
	return getContext<LiveAnnouncer | undefined>(CONTEXT);
}

/**
 * For a component's own live region that reports what others do (counts, who is editing): polite
 * while live, silent while live updates are paused. Regions that answer the person's own action
 * (saved, moved) stay polite.
 */
export function othersRegion(announcer: LiveAnnouncer | undefined): 'polite' | 'off' {
	return announcer?.paused ? 'off' : 'polite';
}
