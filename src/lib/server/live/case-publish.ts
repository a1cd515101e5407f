/**
 * What the control document says about a workshop's case studies (which role groups contributed
 * to which section). Read from the database when publishing; returns a writer applied inside the
 * control document's transaction.
 */
import type * as Y from 'yjs';
import type { Db } from '../db/client';

export function caseControlWriter(_db: Db, _workshopId: string): (doc: Y.Doc) => void {
	return () => {};
}
