/**
 * When the update log commits (real SQLite in a temporary folder, group-commit window at its 50 ms
 * maximum): after a quiet moment at the end of the event-loop turn, with everything appended in
 * that turn; soon after a commit, once the window since it began is over, together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';
import type { UpdateStore } from '../../src/lib/server/update-store';
import { tempDb, type TempDb } from './temp-db';

let db: TempDb | null = null;
afterEach(async () => await db?.dispose());

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The real store, counting its transactions. */
function counted(store: UpdateStore): { store: UpdateStore; commits: () => number } {
	let commits = 0;
	const write: UpdateStore['write'] = (batch) => {
		commits++;
		return store.write(batch);
	};
	return { store: Object.assign(Object.create(store) as UpdateStore, { write }), commits: () => commits };
}

describe('update log pacing', () => {
	it('commits a lone append at the end of the turn, with everything appended in that turn', async () => {
		db = tempDb();
		const { store, commits } = counted(updateStore(db));
		const log = new UpdateLog(store, 50);
		const seqs = Promise.all([1, 2, 3].map((n) => log.append('board.x', Uint8Array.of(n))));
		expect(log.queued).toBe(3);
		await turn();
		expect(log.queued).toBe(0); // not held for the 50 ms window
		expect(await seqs).toEqual([1, 2, 3]);
		expect(commits()).toBe(1);
	});

	it('holds appends soon after a commit until the window is over, then commits them together', async () => {
		db = tempDb();
		const { store, commits } = counted(updateStore(db));
		const log = new UpdateLog(store, 50);
		await log.append('board.y', Uint8Array.of(1));
		const later = [log.append('board.y', Uint8Array.of(2))];
		await turn();
		later.push(log.append('board.y', Uint8Array.of(3)));
		await turn();
		expect(log.queued).toBe(2); // within the window since the first commit began
		expect(await Promise.all(later)).toEqual([2, 3]);
		expect(commits()).toBe(2);
	});
});
