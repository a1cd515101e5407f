/**
 * The process-wide database handle. Kept on globalThis because the SvelteKit bundle and the
 * sync-server bundle are separate module graphs in production and must share one connection.
 */
import { config } from '../config';
import { openDb, type DbHandle, type Db } from './client';

const KEY = Symbol.for('rightsboard.db');
type Holder = { [KEY]?: DbHandle };

/** The shared handle, opened (and migrated) on first use. */
export function dbHandle(): DbHandle {
	const g = globalThis as Holder;
	return (g[KEY] ??= openDb(config().database.path));
}

/** The shared drizzle instance. */
export function getDb(): Db {
	return dbHandle().db;
}

/** Closes the shared handle (graceful shutdown, tests). */
export function closeDb(): void {
	const g = globalThis as Holder;
	g[KEY]?.close();
	delete g[KEY];
}

export type { Db };
