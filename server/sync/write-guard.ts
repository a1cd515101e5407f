/**
 * Participants write a case study only while its activity is the current one, and the action
 * points only while an action-points activity is current and not locked. The upgrade decides this
 * once; the guard re-checks before each change from a participant's writable connection, so a
 * connection opened during the activity turns read-only once the facilitator moves on or locks
 * (a modified client cannot keep writing). One or two indexed lookups per update; not cached, so
 * there is no window after the facilitator's command. Everyone else needs no lookup: for them the
 * answer is immediate (`true`), so their updates are applied without waiting.
 */
import { getDb } from '../../src/lib/server/db';
import { caseIsLive } from '../../src/lib/server/case-studies';
import { actionPointsOpen } from '../../src/lib/server/action-points/access';
import { parseDocName } from '../../src/lib/shared/protocol';
import type { Principal } from './upgrade';

interface Writer {
	readonly doc: string;
	readonly principal: Principal;
}

/** False when `writer` is a participant on a case or actions document that is no longer open to them. */
export function mayWriteNow(writer: Writer): boolean | Promise<boolean> {
	if (writer.principal.kind !== 'participant') return true;
	if (writer.doc.startsWith('case.')) {
		const name = parseDocName(writer.doc);
		return name?.kind === 'case' ? caseIsLive(getDb(), name.workshopId, name.caseStudyId) : false;
	}
	if (writer.doc.startsWith('actions.')) {
		const name = parseDocName(writer.doc);
		return name?.kind === 'actions' ? actionPointsOpen(getDb(), name.workshopId) : false;
	}
	return true;
}
