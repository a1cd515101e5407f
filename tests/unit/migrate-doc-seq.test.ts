/**
 * Upgrading a database written before documents' updates were numbered (migrations 0008–0009):
 * every stored update and snapshot is kept, each document's remaining updates are numbered 1, 2, 3…
 * in their old order, and new appends continue from there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as Y from 'yjs';
import { openSqlite } from '../../src/lib/server/db/client';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations as they were before 0008. */
function oldMigrations(): string {
	const folder = join(dir, 'old');
	cpSync(join(ROOT, 'drizzle/sqlite'), folder, { recursive: true });
	const journalPath = join(folder, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	journal.entries = journal.entries.filter((e) => Number(e.tag.slice(0, 4)) < 8);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

function update(key: string): Buffer {
	const doc = new Y.Doc();
	doc.getMap('m').set(key, key);
	return Buffer.from(Y.encodeStateAsUpdate(doc));
}

describe('migrating the update log to per-document numbers', () => {
	it('keeps every update and snapshot and numbers the tails in their old order', async () => {
		dir = mkdtempSync(join(tmpdir(), 'rightsboard-migrate-'));
		const path = join(dir, 'old.db');
		const old = new Database(path);
		migrate(drizzle(old), { migrationsFolder: oldMigrations() });
		const insert = old.prepare('INSERT INTO doc_update (doc, data, created_at) VALUES (?, ?, 0)');
		// Interleaved documents; "a" was compacted up to its second update (those rows are gone).
		for (const [doc, key] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['a', 'a3'], ['b', 'b2'], ['a', 'a4']] as const) insert.run(doc, update(key));
		const snapshot = new Y.Doc();
		for (const key of ['a1', 'a2']) snapshot.getMap('m').set(key, key);
		old.prepare('INSERT INTO doc_snapshot (doc, upto_id, data, updated_at) VALUES (?, 3, ?, 0)').run('a', Buffer.from(Y.encodeStateAsUpdate(snapshot)));
		old.prepare('DELETE FROM doc_update WHERE doc = ? AND id <= 3').run('a');
		// "c" has only a snapshot.
		old.prepare('INSERT INTO doc_snapshot (doc, upto_id, data, updated_at) VALUES (?, 0, ?, 0)').run('c', update('c1'));
		old.close();

		const handle = openSqlite(path);
		try {
			const rows = handle.sqlite.prepare('SELECT doc, seq FROM doc_update ORDER BY id').all();
			expect(rows).toEqual([
				{ doc: 'b', seq: 1 },
				{ doc: 'a', seq: 1 },
				{ doc: 'b', seq: 2 },
				{ doc: 'a', seq: 2 }
			]);
			const log = new UpdateLog(updateStore(handle), 0);
			const keys = async (doc: string) => {
				const d = new Y.Doc();
				for (const u of (await log.load(doc)).updates) Y.applyUpdate(d, u);
				return [...d.getMap('m').keys()].sort();
			};
			expect(await keys('a')).toEqual(['a1', 'a2', 'a3', 'a4']);
			expect(await keys('b')).toEqual(['b1', 'b2']);
			expect(await keys('c')).toEqual(['c1']);
			const appended = log.append('a', update('a5'));
			await log.flush();
			expect(await appended).toBe(3);
			const first = log.append('c', update('c2'));
			await log.flush();
			expect(await first).toBe(1);
			expect(await keys('c')).toEqual(['c1', 'c2']);
		} finally {
			await handle.close();
		}
	});
});
