/**
 * Reading a synced document for a report: through the live hub when the sync server runs in this
 * process (the loaded room is the newest state), else straight from the update log the sync server
 * writes (snapshot + tail, loaded by the same `UpdateLog.load` the sync server uses).
 */
import * as Y from 'yjs';
import { handleOf, type Db, type DbHandle } from '../db/client';
import { liveHub } from '../live/hub';
import { UpdateLog } from '../update-log';
import { updateStore } from '../open-update-store';

export type DocReader = <T>(docName: string, read: (doc: Y.Doc) => T) => Promise<T>;

/** Reads documents from the stored update log of a database, without the sync server. */
export function storedDocReader(db: Db | DbHandle): DocReader {
	const log = new UpdateLog(updateStore(handleOf(db)), 0);
	return async (docName, read) => {
		const doc = new Y.Doc();
		try {
			for (const update of (await log.load(docName)).updates) Y.applyUpdate(doc, update);
			return read(doc);
		} finally {
			doc.destroy();
		}
	};
}

/** The live hub's reader when the sync server runs, else the stored log of `db`. */
export function defaultDocReader(db: Db): DocReader {
	const hub = liveHub();
	if (hub) return (docName, read) => hub.readDoc(docName, read);
	return storedDocReader(db);
}
