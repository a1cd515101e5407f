/**
 * The database a test server runs on. The integration suite runs twice: on SQLite (a file in the
 * test's temporary folder) and on PostgreSQL (a fresh database per folder on the server named by
 * RIGHTSBOARD_TEST_PG_URL, dropped afterwards). Which one is decided by the dialect of the test
 * process itself (DATABASE_URL, set by the `integration-pg` project in vite.config.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { currentDialect } from '../../src/lib/server/db/dialect';

/** The PostgreSQL server the suite uses: a database it may create databases from. */
export const TEST_PG_URL = process.env.RIGHTSBOARD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testsUsePostgres = (): boolean => currentDialect() === 'pg';

/** The PostgreSQL database name that belongs to a test folder (the same folder gives the same database). */
function pgNameFor(dir: string): string {
	return `rb_test_${createHash('sha256').update(dir).digest('hex').slice(0, 20)}`;
}

function pgUrlOf(name: string): string {
	const url = new URL(TEST_PG_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: TEST_PG_URL });
	try {
		await client.connect();
	} catch (error) {
		const u = new URL(TEST_PG_URL);
		throw new Error(
			`The integration tests also run on PostgreSQL, which is not reachable at ${u.hostname}:${u.port || 5432} (${String(error)}). ` +
				'Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect <version> main start), or point the tests at another server with ' +
				'RIGHTSBOARD_TEST_PG_URL=postgres://user:password@host:5432/postgres (a role that may create databases).',
			{ cause: error }
		);
	}
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/**
 * The DATABASE_URL for a server whose files live in `dir`: the SQLite file in it, or its own
 * PostgreSQL database, created when missing (kept when it exists, so a restart finds its data).
 */
export async function databaseFor(dir: string): Promise<string> {
	if (!testsUsePostgres()) return join(dir, 'rightsboard.db');
	const name = pgNameFor(dir);
	await admin(async (c) => {
		const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
		if (exists.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
	});
	return pgUrlOf(name);
}

/** Drops the PostgreSQL database of `dir`, if any (SQLite files go with the folder). */
export async function dropDatabaseFor(dir: string): Promise<void> {
	if (!testsUsePostgres()) return;
	await admin((c) => c.query(`DROP DATABASE IF EXISTS "${pgNameFor(dir)}" WITH (FORCE)`));
}
