/**
 * Which of a document's committed updates (numbered 1, 2, 3… by the log) a room holds: every
 * seq up to `contiguous`, plus any later ones that arrived early. A gap means an update committed
 * elsewhere has not arrived yet.
 */
export class SeqTracker {
	#contiguous: number;
	#ahead = new Set<number>();

	constructor(start: number) {
		this.#contiguous = start;
	}

	get contiguous(): number {
		return this.#contiguous;
	}

	get hasGap(): boolean {
		return this.#ahead.size > 0;
	}

	/** Records `seq`; false when it was already held. */
	add(seq: number): boolean {
		if (seq <= this.#contiguous || this.#ahead.has(seq)) return false;
		this.#ahead.add(seq);
		this.#advance();
		return true;
	}

	/** Records that everything up to `seq` is held (read from the log). */
	fillTo(seq: number): void {
		if (seq > this.#contiguous) this.#contiguous = seq;
		for (const s of this.#ahead) if (s <= this.#contiguous) this.#ahead.delete(s);
		this.#advance();
	}

	#advance(): void {
		while (this.#ahead.delete(this.#contiguous + 1)) this.#contiguous++;
	}
}
