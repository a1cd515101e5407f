/**
 * Queries are written once for both databases: drizzle's synchronous SQLite calls (`.get()`,
 * `.all()`, `.run()`) do not exist on PostgreSQL and must not come back. The only synchronous
 * SQLite code is the update log's SQLite store (raw prepared statements) and unit tests that look
 * into their own SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'server', 'tests/integration', 'tests/helpers', 'tests/e2e', 'tests/proof', 'bench'];
const ALLOWED = new Set(['src/lib/server/update-store-sqlite.ts']);
const SYNC_CALL = /\.(get|all|run)\(\)/;

function files(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		if (name === 'node_modules' || name === 'paraglide') continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...files(path));
		else if (/\.(ts|js|svelte)$/.test(name)) out.push(path);
	}
	return out;
}

describe('query surface', () => {
	it('finds a synchronous drizzle call when there is one', () => {
		expect(SYNC_CALL.test('const row = db.select().from(user).get();')).toBe(true);
		expect(SYNC_CALL.test('const [row] = await db.select().from(user).limit(1);')).toBe(false);
	});

	it('has no synchronous drizzle calls outside the SQLite update store', () => {
		const found: string[] = [];
		for (const file of FOLDERS.flatMap((f) => files(join(ROOT, f)))) {
			const rel = relative(ROOT, file);
			if (ALLOWED.has(rel)) continue;
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					if (SYNC_CALL.test(line) && !/^\s*(\*|\/\/)/.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
				});
		}
		expect(found).toEqual([]);
	});
});
