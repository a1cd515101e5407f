/**
 * Which database the process talks to, decided by DATABASE_URL: `postgres://…` (or
 * `postgresql://…`) means PostgreSQL, anything else is a SQLite file. Read straight from the
 * environment because the table definitions (schema.ts) are chosen when that module loads.
 */
export type Dialect = 'sqlite' | 'pg';

export function isPostgresUrl(url: string | undefined): boolean {
	return /^postgres(ql)?:\/\//i.test(url?.trim() ?? '');
}

/** The dialect this process uses. */
export function currentDialect(env: Record<string, string | undefined> = process.env): Dialect {
	return isPostgresUrl(env.DATABASE_URL) ? 'pg' : 'sqlite';
}
