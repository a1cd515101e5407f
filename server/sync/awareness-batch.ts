/**
 * Awareness changes of one room, collected between fan-outs. Every client re-sends its unchanged
 * state about every 15 s so that others do not time it out (y-protocols drops a state not renewed
 * for 30 s); sent on as it arrived, that was N renewals every 15 s, each in a frame of its own to
 * all N peers. Here a real change (a state added, changed or removed) asks for the room's next
 * fan-out, while a renewal only rides along: it goes out with whatever fan-out comes next (in the
 * same write, so it costs bytes but no extra frame), and asks for one of its own only when none came
 * for `renewalDelayMs`. A busy room thus carries renewals a few at a time with its updates, without
 * bursts; a quiet one sends them together. Only client ids are kept: states are encoded when sent,
 * so several changes of one client in between cost one entry.
 */
import type { Awareness } from 'y-protocols/awareness';

type Change = { added: number[]; updated: number[]; removed: number[] };

export class AwarenessBatch {
	#ids = new Set<number>();
	/** Ids the 'change' event of the awareness update being applied reported as really changed. */
	#really = new Set<number>();
	#renewalTimer: NodeJS.Timeout | null = null;

	constructor(
		private readonly awareness: Awareness,
		/** Called when a fan-out should be scheduled. */
		private readonly onReady: () => void,
		private readonly renewalDelayMs: number
	) {
		// y-protocols emits 'change' (real changes only) and then 'update' (renewals too) for one update.
		awareness.on('change', this.#onChange);
		awareness.on('update', this.#onUpdate);
	}

	/** Ids whose states go out with this fan-out, renewals included; empties the batch. */
	take(): number[] {
		const ids = [...this.#ids];
		this.#ids.clear();
		if (this.#renewalTimer) clearTimeout(this.#renewalTimer);
		this.#renewalTimer = null;
		return ids;
	}

	dispose(): void {
		this.awareness.off('change', this.#onChange);
		this.awareness.off('update', this.#onUpdate);
		if (this.#renewalTimer) clearTimeout(this.#renewalTimer);
		this.#renewalTimer = null;
		this.#ids.clear();
	}

	#onChange = ({ added, updated, removed }: Change): void => {
		for (const ids of [added, updated, removed]) for (const id of ids) this.#really.add(id);
	};

	#onUpdate = ({ added, updated, removed }: Change): void => {
		let changed = false;
		for (const ids of [added, updated, removed]) {
			for (const id of ids) {
				this.#ids.add(id);
				if (this.#really.has(id)) changed = true;
			}
		}
		this.#really.clear();
		if (changed) this.onReady();
		else if (!this.#renewalTimer) {
			this.#renewalTimer = setTimeout(() => {
				this.#renewalTimer = null;
				this.onReady();
			}, this.renewalDelayMs);
			this.#renewalTimer.unref();
		}
	};
}
