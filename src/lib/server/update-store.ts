/**
 * Where the update log lives: the `doc_update`, `doc_head` and `doc_snapshot` tables, written
 * with each dialect's own driver (one round of statements per group commit). Each document's
 * updates are numbered 1, 2, 3… (`seq`); the numbers come from `doc_head` in the committing
 * transaction, whose row lock (PostgreSQL) or connection lock (SQLite) makes seq order the commit
 * order of that document: whoever sees update n can rely on 1…n−1 being committed too.
 */

/** What is stored for a document after a given point. */
export interface StoredUpdates {
	/** The snapshot (when it covers more than the caller had) followed by later updates, in seq order. */
	updates: Uint8Array[];
	/** The seq of the newest update included (unchanged when nothing is newer). */
	seq: number;
	/** Number of updates after the snapshot that are still in the log. */
	tail: number;
}

export interface PendingAppend {
	doc: string;
	data: Uint8Array;
}

export interface UpdateStore {
	/**
	 * Everything stored for `doc` after `afterSeq` (null: everything, snapshot included), read
	 * in one consistent view, so a compaction running meanwhile cannot make updates disappear.
	 */
	read(doc: string, afterSeq: number | null): Promise<StoredUpdates>;
	/** Appends the batch in one transaction; resolves with each append's seq once committed. */
	write(batch: PendingAppend[]): Promise<number[]>;
	/** Stores `state` as the document up to `uptoSeq` (unless a newer snapshot exists) and trims the log. */
	compact(doc: string, state: Uint8Array, uptoSeq: number): Promise<void>;
}

/** Groups a batch by document (sorted, so concurrent writers lock documents in the same order). */
export function byDocument(batch: PendingAppend[]): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const doc of [...new Set(batch.map((p) => p.doc))].sort()) out.set(doc, []);
	batch.forEach((p, i) => out.get(p.doc)!.push(i));
	return out;
}
