/**
 * The durable update log: each Yjs update is appended to `doc_update` before anyone else sees it.
 * Appends that arrive within the group-commit window share one transaction (one fsync), and each
 * caller's promise resolves only after that transaction committed. Compaction folds a document's
 * log into `doc_snapshot` (load = snapshot + tail).
 */
import type Database from 'better-sqlite3';

export interface StoredDoc {
	/** The snapshot (if any) followed by every later update, in commit order. */
	updates: Uint8Array[];
	/** Id of the newest update included, 0 when the document is new. */
	lastId: number;
	/** Number of updates after the snapshot. */
	tail: number;
}

interface Pending {
	doc: string;
	data: Uint8Array;
	resolve: (id: number) => void;
	reject: (error: unknown) => void;
}

export class UpdateLog {
	#db: Database.Database;
	#windowMs: number;
	#queue: Pending[] = [];
	#timer: NodeJS.Timeout | null = null;
	#insert: Database.Statement;
	#snapshot: Database.Statement;
	#tail: Database.Statement;
	#upsertSnapshot: Database.Statement;
	#trim: Database.Statement;
	#writeBatch: (batch: Pending[]) => number[];

	constructor(db: Database.Database, windowMs: number) {
		this.#db = db;
		this.#windowMs = Math.min(Math.max(windowMs, 0), 50);
		this.#insert = db.prepare('INSERT INTO doc_update (doc, data, created_at) VALUES (?, ?, ?)');
		this.#snapshot = db.prepare('SELECT upto_id AS uptoId, data FROM doc_snapshot WHERE doc = ?');
		this.#tail = db.prepare('SELECT id, data FROM doc_update WHERE doc = ? AND id > ? ORDER BY id');
		this.#upsertSnapshot = db.prepare(
			`INSERT INTO doc_snapshot (doc, upto_id, data, updated_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT(doc) DO UPDATE SET upto_id = excluded.upto_id, data = excluded.data, updated_at = excluded.updated_at`
		);
		this.#trim = db.prepare('DELETE FROM doc_update WHERE doc = ? AND id <= ?');
		this.#writeBatch = db.transaction((batch: Pending[]) => {
			const now = Date.now();
			return batch.map((p) => Number(this.#insert.run(p.doc, p.data, now).lastInsertRowid));
		});
	}

	/** Everything stored for `doc`. */
	load(doc: string): StoredDoc {
		const snap = this.#snapshot.get(doc) as { uptoId: number; data: Buffer } | undefined;
		const rows = this.#tail.all(doc, snap?.uptoId ?? 0) as { id: number; data: Buffer }[];
		const updates: Uint8Array[] = [];
		if (snap) updates.push(new Uint8Array(snap.data));
		for (const r of rows) updates.push(new Uint8Array(r.data));
		const lastId = rows.length > 0 ? rows[rows.length - 1]!.id : (snap?.uptoId ?? 0);
		return { updates, lastId, tail: rows.length };
	}

	/** Appends one update; resolves with its log id once it is committed to disk. */
	append(doc: string, data: Uint8Array): Promise<number> {
		return new Promise((resolve, reject) => {
			this.#queue.push({ doc, data, resolve, reject });
			if (this.#queue.length >= 1000) this.flush();
			else this.#timer ??= setTimeout(() => this.flush(), this.#windowMs);
		});
	}

	/** Commits everything queued now (also called by the timer). */
	flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const batch = this.#queue;
		if (batch.length === 0) return;
		this.#queue = [];
		let ids: number[];
		try {
			ids = this.#writeBatch(batch);
		} catch (error) {
			for (const p of batch) p.reject(error);
			return;
		}
		batch.forEach((p, i) => p.resolve(ids[i]!));
	}

	/** Replaces the log of `doc` up to `uptoId` with `state` (the folded document). */
	compact(doc: string, state: Uint8Array, uptoId: number): void {
		this.#db.transaction(() => {
			this.#upsertSnapshot.run(doc, uptoId, state, Date.now());
			this.#trim.run(doc, uptoId);
		})();
	}

	/** Number of queued, uncommitted appends. */
	get queued(): number {
		return this.#queue.length;
	}
}
