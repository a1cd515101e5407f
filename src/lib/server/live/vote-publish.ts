/**
 * What the control document says about a workshop's votes (status, ballot counts, revealed
 * results). Read from the database when publishing; returns a writer applied inside the
 * control document's transaction.
 */
import type * as Y from 'yjs';
import type { Db } from '../db/client';

export function voteControlWriter(_db: Db, _workshopId: string): (doc: Y.Doc) => void {
	return () => {};
}
