/**
 * The durable update log on this project's dialect: every document's updates are numbered
 * 1, 2, 3… in commit order even when two logs (two instances) append to the same document at
 * once; `since` returns exactly what a room lacks; compaction never loses an update, and a room
 * that fell behind a compaction gets the snapshot instead of the updates it folded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDb, type DbHandle } from '../../src/lib/server/db/client';
import { isPostgresUrl } from '../../src/lib/server/db/dialect';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';
import { databaseFor } from '../helpers/test-database';
import { removeDir, tempDir } from '../helpers/server';

const dir = tempDir('rightsboard-log-');
let handles: DbHandle[] = [];

async function open(): Promise<DbHandle> {
	const database = await databaseFor(dir);
	const handle = await openDb(isPostgresUrl(database) ? { kind: 'postgres', url: database } : { kind: 'sqlite', path: database });
	handles.push(handle);
	return handle;
}

let a: UpdateLog;
let b: UpdateLog;

beforeAll(async () => {
	a = new UpdateLog(updateStore(await open()), 2);
	// A second connection (pool) to the same database: what another instance would have.
	b = new UpdateLog(updateStore(await open()), 2);
});

afterAll(async () => {
	for (const h of handles) await h.close();
	handles = [];
	await removeDir(dir);
});

/** An update that adds `key` to a map in a fresh document. */
function change(key: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('m').set(key, key);
	return Y.encodeStateAsUpdate(doc);
}

function keysOf(updates: Uint8Array[]): string[] {
	const doc = new Y.Doc();
	for (const u of updates) Y.applyUpdate(doc, u);
	return [...doc.getMap('m').keys()].sort();
}

describe('update log', () => {
	it('numbers each document 1, 2, 3… across two writers, in commit order', async () => {
		const shared: Promise<number>[] = [];
		const other: Promise<number>[] = [];
		for (let i = 0; i < 40; i++) {
			shared.push((i % 2 === 0 ? a : b).append('doc.shared', change(`k${i}`)));
			if (i % 7 === 0) other.push(a.append('doc.other', change(`o${i}`)));
		}
		expect((await Promise.all(shared)).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect((await Promise.all(other)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
		const stored = await a.load('doc.shared');
		expect(stored.seq).toBe(40);
		expect(stored.tail).toBe(40);
		expect(keysOf(stored.updates)).toEqual(Array.from({ length: 40 }, (_, i) => `k${i}`).sort());
		expect((await b.load('doc.other')).seq).toBe(6);
	});

	it('returns only what came after a given seq', async () => {
		const later = await b.since('doc.shared', 35);
		expect(later.updates.length).toBe(5);
		expect(later.seq).toBe(40);
		const none = await a.since('doc.shared', 40);
		expect(none.updates.length).toBe(0);
		expect(none.seq).toBe(40);
	});

	it('folds the log into a snapshot without losing anything, and serves it to a room that fell behind', async () => {
		const loaded = await a.load('doc.shared');
		const doc = new Y.Doc();
		for (const u of loaded.updates) Y.applyUpdate(doc, u);
		await a.compact('doc.shared', Y.encodeStateAsUpdate(doc), 30);
		await b.append('doc.shared', change('after'));
		const after = await b.load('doc.shared');
		expect(after.tail).toBe(11); // 31…40 and the new one
		expect(keysOf(after.updates)).toEqual([...Array.from({ length: 40 }, (_, i) => `k${i}`), 'after'].sort());
		// A room that held up to 10 cannot get 11…30 any more: it gets the snapshot and the rest.
		const behind = await a.since('doc.shared', 10);
		expect(behind.seq).toBe(41);
		expect(keysOf(behind.updates)).toEqual(after.updates.length > 0 ? keysOf(after.updates) : []);
		// An older snapshot never replaces a newer one.
		await b.compact('doc.shared', change('stale'), 5);
		expect(keysOf((await a.load('doc.shared')).updates)).not.toContain('stale');
	});
});
