/**
 * Opens the database the configuration names and applies its migrations. Takes its settings as
 * arguments (no `$env`), so the app, the sync server, the CLI and tests all open it the same way.
 */
import { currentDialect } from './dialect';
import type { Db } from './types';
import { openSqlite as openSqliteFile, type SqliteHandle } from './sqlite-client';
import { openPostgres, connectPostgres as connectPg, type PgHandle } from './pg-client';

export type { Db, Tx, Executor } from './types';
export type { SqliteHandle } from './sqlite-client';
export type { PgHandle } from './pg-client';

export type DbHandle = SqliteHandle | PgHandle;

const handles = new WeakMap<object, DbHandle>();

function isHandle(x: Db | DbHandle): x is DbHandle {
	return 'db' in x && 'close' in x;
}

/** The handle a drizzle instance from openDb/openSqlite belongs to (for code that needs the raw driver). */
export function handleOf(db: Db | DbHandle): DbHandle {
	if (isHandle(db)) return db;
	const handle = handles.get(db);
	if (!handle) throw new Error('This database object was not opened by openDb.');
	return handle;
}

function remember<H extends DbHandle>(handle: H): H {
	handles.set(handle.db, handle);
	return handle;
}

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Opens the configured database; its dialect must be the one the tables were chosen for (schema.ts). */
export async function openDb(database: DatabaseConfig): Promise<DbHandle> {
	const wanted = database.kind === 'postgres' ? 'pg' : 'sqlite';
	if (currentDialect() !== wanted) {
		throw new Error(`This process chose the ${currentDialect()} tables from DATABASE_URL, but was asked to open a ${wanted} database: set DATABASE_URL before the app starts.`);
	}
	return database.kind === 'postgres' ? remember(await openPostgres(database.url)) : openSqlite(database.path);
}

/** A handle on a PostgreSQL database another process already migrated (test fixtures). */
export function connectPostgres(url: string, poolSize?: number): PgHandle {
	return remember(connectPg(url, poolSize));
}

/** Opens (creating if needed) a SQLite database file and brings its schema up to date. */
export function openSqlite(path: string): SqliteHandle {
	return remember(openSqliteFile(path));
}
