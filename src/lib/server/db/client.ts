/**
 * Opens the database and applies migrations. Takes its settings as arguments (no `$env`),
 * so the app, the sync server, the CLI and tests all open it the same way.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
	db: Db;
	sqlite: Database.Database;
	close(): void;
}

/** Finds drizzle/sqlite whether running from source, from the bundled build, or from the app bundle. */
function migrationsFolder(): string {
	const candidates = [
		process.env.RIGHTSBOARD_MIGRATIONS,
		resolve(process.cwd(), 'drizzle/sqlite'),
		resolve(dirname(fileURLToPath(import.meta.url)), '../../../../drizzle/sqlite')
	];
	for (const c of candidates) if (c && existsSync(resolve(c, 'meta/_journal.json'))) return c;
	throw new Error(
		'Database migrations not found: expected drizzle/sqlite in the project folder. ' +
			'Start the app from the project folder, or set RIGHTSBOARD_MIGRATIONS to that folder.'
	);
}

/** Opens (creating if needed) the SQLite database at `path` and brings its schema up to date. */
export function openDb(path: string): DbHandle {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	// FULL: a committed update survives power loss, not only a process crash.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: migrationsFolder() });
	return { db, sqlite, close: () => sqlite.close() };
}
