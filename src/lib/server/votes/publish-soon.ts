/**
 * Ballots change the control document's counts; during a busy vote they are published at most
 * every 250 ms per workshop instead of once per ballot.
 */
import type { Db } from '../db/client';
import { publishWorkshop } from '../live/publish';
import { log } from '../logger';

export const BALLOT_PUBLISH_MS = 250;
const pending = new Map<string, ReturnType<typeof setTimeout>>();

export function publishSoon(db: Db, workshopId: string): void {
	if (pending.has(workshopId)) return;
	pending.set(
		workshopId,
		setTimeout(() => {
			pending.delete(workshopId);
			publishWorkshop(db, workshopId).catch((error) => log.error('publishing votes failed', { workshopId, error }));
		}, BALLOT_PUBLISH_MS)
	);
}
