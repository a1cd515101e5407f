/** The update store of a database handle: the SQLite or the PostgreSQL implementation. */
import type { DbHandle } from './db/client';
import type { UpdateStore } from './update-store';
import { SqliteUpdateStore } from './update-store-sqlite';
import { PgUpdateStore } from './update-store-pg';

export function updateStore(handle: DbHandle): UpdateStore {
	return handle.dialect === 'pg' ? new PgUpdateStore(handle.pool) : new SqliteUpdateStore(handle);
}
