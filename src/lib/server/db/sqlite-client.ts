/**
 * SQLite through better-sqlite3 (WAL, synchronous=FULL): the embedded default. The driver is
 * synchronous and the process has one connection, so transactions are serialised by a lock and
 * run as BEGIN IMMEDIATE … COMMIT around an asynchronous body; statements outside a transaction
 * wait for the lock too (see serial-lock.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './sqlite';
import { migrationsFolder } from './migrations';
import { gated, type Gate } from './gated';
import { SerialLock } from './serial-lock';
import { assertNotInTransaction, inTxScope } from './tx-context';
import type { Db, Tx } from './types';

export interface SqliteHandle {
	dialect: 'sqlite';
	db: Db;
	/** The raw connection, for the update log's prepared statements and for tests. */
	sqlite: Database.Database;
	/** Runs `fn` holding the connection's lock (no transaction of anyone else is open meanwhile). */
	exclusive<T>(fn: () => T | Promise<T>): Promise<T>;
	close(): Promise<void>;
}

type Body<T> = (tx: Tx) => Promise<T>;

/** Opens (creating if needed) the SQLite database at `path` and brings its schema up to date. */
export function openSqlite(path: string): SqliteHandle {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	// FULL: a committed update survives power loss, not only a process crash.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	const raw = drizzle(sqlite, { schema });
	migrate(raw, { migrationsFolder: migrationsFolder('sqlite') });
	const lock = new SerialLock();
	let savepoints = 0;

	const exclusive = <T>(fn: () => T | Promise<T>): Promise<T> => {
		try {
			assertNotInTransaction();
		} catch (error) {
			return Promise.reject(error);
		}
		return lock.run(fn);
	};

	/** A transaction object valid only while its body runs. */
	function txObject(): { tx: Tx; end(): void } {
		let active = true;
		const gate: Gate = (execute) => (active ? execute() : Promise.reject(new Error('This transaction has already ended: its object was used after its body returned.')));
		const tx = gated(raw, gate, { transaction: <T>(body: Body<T>) => savepoint(tx, body) }) as unknown as Tx;
		return { tx, end: () => (active = false) };
	}

	async function savepoint<T>(tx: Tx, body: Body<T>): Promise<T> {
		const name = `sp_${++savepoints}`;
		sqlite.exec(`SAVEPOINT ${name}`);
		try {
			const out = await body(tx);
			sqlite.exec(`RELEASE ${name}`);
			return out;
		} catch (error) {
			sqlite.exec(`ROLLBACK TO ${name}`);
			sqlite.exec(`RELEASE ${name}`);
			throw error;
		}
	}

	function transaction<T>(body: Body<T>): Promise<T> {
		return exclusive(() =>
			inTxScope(async () => {
				const { tx, end } = txObject();
				sqlite.exec('BEGIN IMMEDIATE');
				try {
					const out = await body(tx);
					sqlite.exec('COMMIT');
					return out;
				} catch (error) {
					if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
					throw error;
				} finally {
					end();
				}
			})
		);
	}

	const db = gated(raw, exclusive, { transaction }) as unknown as Db;
	return {
		dialect: 'sqlite',
		db,
		sqlite,
		exclusive,
		close: async () => {
			await lock.run(() => sqlite.close());
		}
	};
}
