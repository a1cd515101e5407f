/**
 * The drafted action points of a workshop, read on the server from its `actions` document: through
 * the live hub when the sync server runs in this process, else from the stored update log.
 */
import type { Db } from '../db/client';
import { defaultDocReader, type DocReader } from '../reports/stored-doc';
import { docName } from '../../shared/protocol';
import { readActionPoints, type ActionPointDraft } from '../../shared/action-point-doc';

export async function workshopActionPoints(db: Db, workshopId: string, reader: DocReader = defaultDocReader(db)): Promise<ActionPointDraft[]> {
	return reader(docName('actions', workshopId), readActionPoints);
}
