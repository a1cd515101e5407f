/**
 * The commit pacer on the real update log (SQLite in a temporary folder, group-commit timer at its
 * 50 ms maximum): after a quiet moment an append is committed at the end of the event-loop turn,
 * without waiting for the log's timer; an append soon after a commit waits for the window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';
import { commitSoon } from '../../server/sync/commit-pacer';
import { tempDb, type TempDb } from './temp-db';

let db: TempDb | null = null;
afterEach(async () => await db?.dispose());

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const until = async (check: () => boolean) => {
	while (!check()) await new Promise((r) => setTimeout(r, 5));
};

describe('commitSoon', () => {
	it('commits at the end of the turn after a quiet moment, and at most once per window', async () => {
		db = tempDb();
		const log = new UpdateLog(updateStore(db), 50);
		const first = log.append('board.x', Uint8Array.of(1));
		commitSoon(log, 60_000);
		expect(log.queued).toBe(1);
		await turn();
		expect(log.queued).toBe(0); // committed by the pacer, not by the log's 50 ms timer
		await first;
		// Within the pacer's window: it holds this one; the log's own timer still commits it.
		const second = log.append('board.x', Uint8Array.of(2));
		commitSoon(log, 60_000);
		await turn();
		expect(log.queued).toBe(1);
		await until(() => log.queued === 0);
		await second;
	});

	it('gathers everything appended in one turn into one commit', async () => {
		db = tempDb();
		const log = new UpdateLog(updateStore(db), 50);
		const ids = Promise.all([1, 2, 3].map((n) => log.append('board.y', Uint8Array.of(n))));
		for (let i = 0; i < 3; i++) commitSoon(log, 1);
		await turn();
		expect(log.queued).toBe(0);
		expect(await ids).toHaveLength(3);
	});
});
