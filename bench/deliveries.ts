/**
 * Bookkeeping of one measurement window: which note versions were sent in it and when each
 * reader saw them. Only versions sent inside the window count, so connection set-up and the
 * final drain do not leak into the percentiles.
 */
import type { Probe } from './probe';

export class Deliveries {
	readonly latencies: number[] = [];
	#sent = new Map<string, number>(); // version → readers that should see it
	#seen = new Map<string, number>(); // version → readers that saw it
	#start = Number.POSITIVE_INFINITY;
	#end = Number.POSITIVE_INFINITY;

	/** Opens the window at `at`; versions sent from then on are measured. */
	open(at: number): void {
		this.#start = at;
	}

	/** Closes the window at `at`; later versions are no longer measured. */
	close(at: number): void {
		this.#end = at;
	}

	#inWindow(sentAt: number): boolean {
		return sentAt >= this.#start && sentAt < this.#end;
	}

	/** A writer sent `probe`, which `readers` others should receive. */
	sent(probe: Probe, readers: number): void {
		if (this.#inWindow(probe.sentAt)) this.#sent.set(probe.version, readers);
	}

	/** Reader `reader` saw `probe` at `arrivedAt`; a writer seeing its own note is not counted. */
	arrived(probe: Probe, reader: number, arrivedAt: number): void {
		if (probe.author === reader || !this.#inWindow(probe.sentAt)) return;
		this.latencies.push(arrivedAt - probe.sentAt);
		this.#seen.set(probe.version, (this.#seen.get(probe.version) ?? 0) + 1);
	}

	/** Versions sent in the window. */
	get versions(): number {
		return this.#sent.size;
	}

	/** Deliveries expected but not (yet) seen. */
	get missing(): number {
		let missing = 0;
		for (const [version, readers] of this.#sent) missing += Math.max(0, readers - (this.#seen.get(version) ?? 0));
		return missing;
	}
}
