/**
 * The process-wide database handle. Kept on globalThis because the SvelteKit bundle and the
 * sync-server bundle are separate module graphs in production and must share one connection
 * (pool). Opened by `initDb()` at start; SQLite also opens on first use.
 */
import { config } from '../config';
import { openDb, openSqlite, type DbHandle, type Db } from './client';

const KEY = Symbol.for('rightsboard.db');
const OPENING = Symbol.for('rightsboard.db-opening');
type Holder = { [KEY]?: DbHandle; [OPENING]?: Promise<DbHandle> };

/** Opens (and migrates) the configured database once; later calls return the same handle. */
export function initDb(): Promise<DbHandle> {
	const g = globalThis as Holder;
	if (g[KEY]) return Promise.resolve(g[KEY]);
	return (g[OPENING] ??= openDb(config().database).then(
		(handle) => {
			g[KEY] = handle;
			delete g[OPENING];
			return handle;
		},
		(error: unknown) => {
			delete g[OPENING];
			throw error;
		}
	));
}

/** The shared handle. SQLite opens on first use; PostgreSQL must have been opened by `initDb()`. */
export function dbHandle(): DbHandle {
	const g = globalThis as Holder;
	if (g[KEY]) return g[KEY];
	const database = config().database;
	if (database.kind === 'sqlite') return (g[KEY] = openSqlite(database.path));
	throw new Error('The database is not open yet: the server opens it with initDb() before serving.');
}

/** The shared drizzle instance. */
export function getDb(): Db {
	return dbHandle().db;
}

/** Closes the shared handle (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
	const g = globalThis as Holder;
	const handle = g[KEY];
	delete g[KEY];
	await handle?.close();
}

export type { Db };
