/** Yjs updates written straight into a test database, through the update log (which numbers them: doc_update.seq, doc_head). */
import { handleOf, type Db } from '../../src/lib/server/db/client';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';

/** Appends `update` to the log of `doc` and waits until it is committed; resolves with its seq. */
export async function appendDocUpdate(db: Db, doc: string, update: Uint8Array): Promise<number> {
	const log = new UpdateLog(updateStore(handleOf(db)), 0);
	const appended = log.append(doc, update);
	await log.flush();
	return appended;
}
