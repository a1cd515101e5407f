/**
 * PostgreSQL through node-postgres (a pool of connections). Transactions run at SERIALIZABLE
 * isolation, so they behave as if run one after another, as on SQLite; when PostgreSQL aborts
 * one for a conflict with a concurrent one (40001, or a deadlock, 40P01) it is run again from
 * the start. Migrations are applied under an advisory lock, so instances starting together
 * migrate once.
 */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './pg';
import { migrationsFolder } from './migrations';
import { gated, type Gate } from './gated';
import { assertNotInTransaction, inTxScope } from './tx-context';
import { errorCode } from './errors';
import type { Db, Tx } from './types';

export interface PgHandle {
	dialect: 'pg';
	db: Db;
	pool: pg.Pool;
	close(): Promise<void>;
}

type Body<T> = (tx: Tx) => Promise<T>;
type PgTx = Parameters<Parameters<NodePgDatabase<typeof schema>['transaction']>[0]>[0];

/** Transactions PostgreSQL aborted only because of concurrent ones: safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 12;
const MIGRATION_LOCK = 0x52_42_44_42; // "RBDB"

// bigint (int8) columns hold millisecond times and ids, all below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** The host and port of a URL without its password, for error messages. */
function where(url: string): string {
	try {
		const u = new URL(url);
		return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
	} catch {
		return 'the DATABASE_URL';
	}
}

async function migrateOnce(pool: pg.Pool): Promise<void> {
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await migrate(drizzle(client, { schema }), { migrationsFolder: migrationsFolder('pg') });
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		}
	} finally {
		client.release();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects to the PostgreSQL database at `url` and brings its schema up to date. */
export async function openPostgres(url: string, poolSize = 10): Promise<PgHandle> {
	const handle = connectPostgres(url, poolSize);
	try {
		await migrateOnce(handle.pool);
	} catch (error) {
		await handle.close().catch(() => {});
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Could not open the PostgreSQL database at ${where(url)} (DATABASE_URL): ${reason}`, { cause: error });
	}
	return handle;
}

/** A handle on a PostgreSQL database whose schema is already up to date (connections open on first use). */
export function connectPostgres(url: string, poolSize = 10): PgHandle {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection that breaks (server restart) is dropped by the pool; it must not crash us.
	pool.on('error', () => {});
	const raw = drizzle(pool, { schema });

	function wrap(tx: PgTx, isActive: () => boolean): Tx {
		const gate: Gate = (execute) => (isActive() ? execute() : Promise.reject(new Error('This transaction has already ended: its object was used after its body returned.')));
		const nested = <T>(body: Body<T>) => tx.transaction((inner) => body(wrap(inner, isActive)));
		return gated(tx, gate, { transaction: nested }) as unknown as Tx;
	}

	async function transaction<T>(body: Body<T>): Promise<T> {
		assertNotInTransaction();
		for (let attempt = 1; ; attempt++) {
			let active = true;
			try {
				return await raw.transaction(
					(tx) =>
						inTxScope(async () => {
							try {
								return await body(wrap(tx, () => active));
							} finally {
								active = false;
							}
						}),
					{ isolationLevel: 'serializable' }
				);
			} catch (error) {
				if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(errorCode(error) ?? '')) throw error;
				await sleep(Math.random() * Math.min(100, 2 ** attempt));
			}
		}
	}

	const rootGate: Gate = (execute) => {
		try {
			assertNotInTransaction();
		} catch (error) {
			return Promise.reject(error);
		}
		return execute();
	};
	const db = gated(raw, rootGate, { transaction }) as unknown as Db;
	return { dialect: 'pg', db, pool, close: () => pool.end() };
}
