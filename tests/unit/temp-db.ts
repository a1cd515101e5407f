/** A real SQLite database in a fresh temporary folder, migrated like production; removed by `dispose`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteHandle } from '../../src/lib/server/db/client';

export interface TempDb extends SqliteHandle {
	dir: string;
	dispose(): Promise<void>;
}

/** Opens a new, empty, migrated database file. */
export function tempDb(): TempDb {
	const dir = mkdtempSync(join(tmpdir(), 'rightsboard-unit-'));
	const handle = openSqlite(join(dir, 'test.db'));
	return {
		...handle,
		dir,
		async dispose() {
			await handle.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
