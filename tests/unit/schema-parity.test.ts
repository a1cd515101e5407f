/**
 * The SQLite and PostgreSQL schemas must describe the same database: the same tables with the
 * same columns (nullability, defaults, keys), indexes and foreign keys. And each dialect's
 * migrations must be up to date with its schema (drizzle-kit finds nothing to generate).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import * as sqliteSchema from '../../src/lib/server/db/sqlite';
import * as pgSchema from '../../src/lib/server/db/pg';

const ROOT = resolve(import.meta.dirname, '../..');

type Shape = Record<string, unknown>;

function normaliseDefault(value: unknown): unknown {
	// SQLite stores flags as integers 0/1, PostgreSQL as booleans.
	if (value === true) return 1;
	if (value === false) return 0;
	return value;
}

function shapeOf(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Shape {
	return {
		columns: Object.fromEntries(
			config.columns
				.map((c) => [c.name, { notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, default: normaliseDefault(c.default) }] as const)
				.sort(([a], [b]) => a.localeCompare(b))
		),
		primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
		indexes: config.indexes
			.map((i) => ({ name: i.config.name ?? '', unique: i.config.unique, columns: i.config.columns.map((c) => (c as { name: string }).name) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		foreignKeys: config.foreignKeys
			.map((fk) => {
				const ref = fk.reference();
				return { columns: ref.columns.map((c) => c.name), table: ref.foreignTable[Symbol.for('drizzle:Name') as never] as string, foreign: ref.foreignColumns.map((c) => c.name), onDelete: fk.onDelete ?? 'no action' };
			})
			.sort((a, b) => a.columns.join().localeCompare(b.columns.join()))
	};
}

function tables<T>(schema: Record<string, unknown>, kind: abstract new (...args: never[]) => T): Map<string, T> {
	const out = new Map<string, T>();
	for (const [key, value] of Object.entries(schema)) if (value instanceof kind) out.set(key, value);
	return out;
}

describe('schema parity', () => {
	const sqlite = tables(sqliteSchema, SQLiteTable);
	const pg = tables(pgSchema, PgTable);

	it('has the same tables in both dialects', () => {
		expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
		expect(sqlite.size).toBeGreaterThan(20);
	});

	it('gives every table the same columns, keys, indexes and foreign keys', () => {
		for (const [key, table] of sqlite) {
			const other = pg.get(key);
			expect(other, key).toBeDefined();
			const a = sqliteConfig(table);
			const b = pgConfig(other!);
			expect(b.name, key).toBe(a.name);
			expect(shapeOf(b), a.name).toEqual(shapeOf(a));
		}
	});

	it('notices a difference (the comparison can fail)', () => {
		const [key, table] = [...sqlite][0]!;
		const shape = shapeOf(sqliteConfig(table));
		const changed = { ...shape, columns: { ...(shape.columns as Shape), extra: { notNull: true } } };
		expect(changed, key).not.toEqual(shapeOf(pgConfig(pg.get(key)!)));
	});

	for (const [dialect, schema] of [
		['sqlite', 'src/lib/server/db/sqlite/index.ts'],
		['postgresql', 'src/lib/server/db/pg/index.ts']
	] as const) {
		it(`has ${dialect} migrations up to date with its schema`, () => {
			const folder = dialect === 'sqlite' ? 'sqlite' : 'pg';
			const out = mkdtempSync(join(tmpdir(), 'rightsboard-migrations-'));
			try {
				cpSync(join(ROOT, 'drizzle', folder), out, { recursive: true });
				const before = readdirSync(out).length;
				execFileSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', '--dialect', dialect, '--schema', schema, '--out', out], { cwd: ROOT, stdio: 'pipe' });
				expect(readdirSync(out).length, `npm run db:generate would add a ${folder} migration`).toBe(before);
			} finally {
				rmSync(out, { recursive: true, force: true });
			}
		}, 60_000);
	}
});
