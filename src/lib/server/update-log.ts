/**
 * The durable update log: each Yjs update is appended to `doc_update` before anyone else sees it.
 * Commits are paced by the group-commit window: after a quiet moment an append is committed at the
 * end of the current event-loop turn (with everything else appended in that turn), otherwise once
 * the window since the previous commit began is over, together with whatever arrived meanwhile. So
 * there is at most one commit per window under load, and a lone change does not wait for one. Each
 * caller's promise resolves with the update's seq only after its transaction committed. One batch
 * is written at a time; appends arriving meanwhile form the next one. Compaction folds a
 * document's log into `doc_snapshot` (load = snapshot + tail). See update-store.ts for storage.
 */
import type { PendingAppend, StoredUpdates, UpdateStore } from './update-store';

export type { StoredUpdates } from './update-store';

interface Pending extends PendingAppend {
	resolve: (seq: number) => void;
	reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

export class UpdateLog {
	#store: UpdateStore;
	#windowMs: number;
	#queue: Pending[] = [];
	#timer: NodeJS.Timeout | null = null;
	/** A commit at the end of this event-loop turn is scheduled. */
	#soon = false;
	/** When the last commit began (performance.now()). */
	#lastFlush = Number.NEGATIVE_INFINITY;
	#writing: Promise<void> | null = null;

	constructor(store: UpdateStore, windowMs: number) {
		this.#store = store;
		this.#windowMs = Math.min(Math.max(windowMs, 0), 50);
	}

	/** Everything stored for `doc`: the snapshot and every later update. */
	load(doc: string): Promise<StoredUpdates> {
		return this.#store.read(doc, null);
	}

	/** What was committed for `doc` after `seq` (a newer snapshot stands in for what it folded). */
	since(doc: string, seq: number): Promise<StoredUpdates> {
		return this.#store.read(doc, seq);
	}

	/** Appends one update; resolves with its seq once it is committed to disk. */
	append(doc: string, data: Uint8Array): Promise<number> {
		return new Promise((resolve, reject) => {
			this.#queue.push({ doc, data, resolve, reject });
			if (this.#queue.length >= MAX_BATCH) void this.flush();
			else this.#schedule();
		});
	}

	#schedule(): void {
		if (this.#timer || this.#soon) return;
		const wait = this.#lastFlush + this.#windowMs - performance.now();
		if (wait > 0) {
			this.#timer = setTimeout(() => void this.flush(), wait);
			return;
		}
		this.#soon = true;
		setImmediate(() => {
			this.#soon = false;
			void this.flush();
		});
	}

	/** Commits everything queued now (also called by the timer); resolves when it is committed. */
	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		while (this.#writing) await this.#writing;
		const batch = this.#queue.splice(0, MAX_BATCH);
		if (batch.length === 0) return;
		this.#lastFlush = performance.now();
		this.#writing = this.#write(batch);
		try {
			await this.#writing;
		} finally {
			this.#writing = null;
		}
		// Appends that arrived while this batch was written go out next, without waiting a full window.
		if (this.#queue.length > 0) this.#timer ??= setTimeout(() => void this.flush(), 0);
	}

	async #write(batch: Pending[]): Promise<void> {
		let seqs: number[];
		try {
			seqs = await this.#store.write(batch);
		} catch (error) {
			for (const p of batch) p.reject(error);
			return;
		}
		batch.forEach((p, i) => p.resolve(seqs[i]!));
	}

	/** Replaces the log of `doc` up to `uptoSeq` with `state` (the folded document). */
	compact(doc: string, state: Uint8Array, uptoSeq: number): Promise<void> {
		return this.#store.compact(doc, state, uptoSeq);
	}

	/** Number of queued, uncommitted appends. */
	get queued(): number {
		return this.#queue.length;
	}
}
