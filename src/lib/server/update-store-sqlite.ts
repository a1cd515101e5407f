/** The update log on SQLite: prepared statements, each call one transaction under the connection's lock. */
import type Database from 'better-sqlite3';
import type { SqliteHandle } from './db/client';
import { byDocument, type PendingAppend, type StoredUpdates, type UpdateStore } from './update-store';

type Row = { seq: number; data: Buffer };

export class SqliteUpdateStore implements UpdateStore {
	#handle: SqliteHandle;
	#read: (doc: string, afterSeq: number | null) => StoredUpdates;
	#write: (batch: PendingAppend[]) => number[];
	#compact: (doc: string, state: Uint8Array, uptoSeq: number) => void;

	constructor(handle: SqliteHandle) {
		this.#handle = handle;
		const db: Database.Database = handle.sqlite;
		const snapshot = db.prepare('SELECT upto_seq AS seq, data FROM doc_snapshot WHERE doc = ?');
		const tail = db.prepare('SELECT seq, data FROM doc_update WHERE doc = ? AND seq > ? ORDER BY seq');
		const countTail = db.prepare('SELECT count(*) AS n FROM doc_update WHERE doc = ?');
		const head = db.prepare(
			'INSERT INTO doc_head (doc, seq) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET seq = doc_head.seq + excluded.seq RETURNING seq'
		);
		const insert = db.prepare('INSERT INTO doc_update (doc, seq, data, created_at) VALUES (?, ?, ?, ?)');
		const upsertSnapshot = db.prepare(
			`INSERT INTO doc_snapshot (doc, upto_seq, data, updated_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (doc) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data, updated_at = excluded.updated_at
			 WHERE excluded.upto_seq > doc_snapshot.upto_seq`
		);
		const trim = db.prepare('DELETE FROM doc_update WHERE doc = ? AND seq <= (SELECT upto_seq FROM doc_snapshot WHERE doc = ?)');

		this.#read = db.transaction((doc: string, afterSeq: number | null) => {
			const snap = snapshot.get(doc) as Row | undefined;
			const useSnapshot = snap !== undefined && (afterSeq === null || snap.seq > afterSeq);
			const from = useSnapshot ? snap.seq : (afterSeq ?? 0);
			const rows = tail.all(doc, from) as Row[];
			const updates: Uint8Array[] = useSnapshot ? [new Uint8Array(snap.data)] : [];
			for (const r of rows) updates.push(new Uint8Array(r.data));
			const seq = rows.length > 0 ? rows[rows.length - 1]!.seq : Math.max(from, afterSeq ?? 0);
			const n = (countTail.get(doc) as { n: number }).n;
			return { updates, seq, tail: n };
		});
		this.#write = db.transaction((batch: PendingAppend[]) => {
			const now = Date.now();
			const seqs: number[] = new Array(batch.length);
			for (const [doc, indexes] of byDocument(batch)) {
				const last = (head.get(doc, indexes.length) as { seq: number }).seq;
				indexes.forEach((i, k) => {
					seqs[i] = last - indexes.length + 1 + k;
					insert.run(doc, seqs[i], batch[i]!.data, now);
				});
			}
			return seqs;
		});
		this.#compact = db.transaction((doc: string, state: Uint8Array, uptoSeq: number) => {
			upsertSnapshot.run(doc, uptoSeq, state, Date.now());
			trim.run(doc, doc);
		});
	}

	read(doc: string, afterSeq: number | null): Promise<StoredUpdates> {
		return this.#handle.exclusive(() => this.#read(doc, afterSeq));
	}

	write(batch: PendingAppend[]): Promise<number[]> {
		return this.#handle.exclusive(() => this.#write(batch));
	}

	compact(doc: string, state: Uint8Array, uptoSeq: number): Promise<void> {
		return this.#handle.exclusive(() => this.#compact(doc, state, uptoSeq));
	}
}
