/** The update log on PostgreSQL: one connection from the pool per call, one transaction each. */
import type pg from 'pg';
import { byDocument, type PendingAppend, type StoredUpdates, type UpdateStore } from './update-store';

type Row = { seq: number; data: Buffer };

export class PgUpdateStore implements UpdateStore {
	constructor(private readonly pool: pg.Pool) {}

	async #inTransaction<T>(isolation: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
		const client = await this.pool.connect();
		try {
			await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
			try {
				const out = await fn(client);
				await client.query('COMMIT');
				return out;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {});
				throw error;
			}
		} finally {
			client.release();
		}
	}

	read(doc: string, afterSeq: number | null): Promise<StoredUpdates> {
		// REPEATABLE READ: snapshot and tail come from one view, even while another instance compacts.
		return this.#inTransaction('REPEATABLE READ READ ONLY', async (c) => {
			const snap = (await c.query<Row>('SELECT upto_seq AS seq, data FROM doc_snapshot WHERE doc = $1', [doc])).rows[0];
			const useSnapshot = snap !== undefined && (afterSeq === null || snap.seq > afterSeq);
			const from = useSnapshot ? snap.seq : (afterSeq ?? 0);
			const rows = (await c.query<Row>('SELECT seq, data FROM doc_update WHERE doc = $1 AND seq > $2 ORDER BY seq', [doc, from])).rows;
			const n = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_update WHERE doc = $1', [doc])).rows[0]!.n;
			const updates: Uint8Array[] = useSnapshot ? [new Uint8Array(snap.data)] : [];
			for (const r of rows) updates.push(new Uint8Array(r.data));
			const seq = rows.length > 0 ? rows[rows.length - 1]!.seq : Math.max(from, afterSeq ?? 0);
			return { updates, seq, tail: n };
		});
	}

	write(batch: PendingAppend[]): Promise<number[]> {
		return this.#inTransaction('READ COMMITTED', async (c) => {
			const now = Date.now();
			const seqs: number[] = new Array(batch.length);
			for (const [doc, indexes] of byDocument(batch)) {
				// The head row stays locked until commit: another instance appending to this document waits,
				// so its numbers follow ours and commit after ours.
				const head = await c.query<{ seq: number }>(
					'INSERT INTO doc_head (doc, seq) VALUES ($1, $2) ON CONFLICT (doc) DO UPDATE SET seq = doc_head.seq + EXCLUDED.seq RETURNING seq',
					[doc, indexes.length]
				);
				const first = head.rows[0]!.seq - indexes.length + 1;
				const values: unknown[] = [];
				const tuples = indexes.map((i, k) => {
					seqs[i] = first + k;
					values.push(doc, seqs[i], Buffer.from(batch[i]!.data.buffer, batch[i]!.data.byteOffset, batch[i]!.data.byteLength), now);
					const b = k * 4;
					return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
				});
				await c.query(`INSERT INTO doc_update (doc, seq, data, created_at) VALUES ${tuples.join(', ')}`, values);
			}
			return seqs;
		});
	}

	compact(doc: string, state: Uint8Array, uptoSeq: number): Promise<void> {
		return this.#inTransaction('READ COMMITTED', async (c) => {
			await c.query(
				`INSERT INTO doc_snapshot (doc, upto_seq, data, updated_at) VALUES ($1, $2, $3, $4)
				 ON CONFLICT (doc) DO UPDATE SET upto_seq = EXCLUDED.upto_seq, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
				 WHERE EXCLUDED.upto_seq > doc_snapshot.upto_seq`,
				[doc, uptoSeq, Buffer.from(state), Date.now()]
			);
			await c.query('DELETE FROM doc_update WHERE doc = $1 AND seq <= (SELECT upto_seq FROM doc_snapshot WHERE doc = $1)', [doc]);
		});
	}
}
