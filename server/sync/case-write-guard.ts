/**
 * Participants write a case study only while its activity is the current one. The upgrade decides
 * this once; the guard re-checks before each change from a participant's writable connection, so
 * a connection opened during the activity turns read-only once the facilitator moves on (a
 * modified client cannot keep writing). Two indexed lookups per update; not cached, so there is
 * no window after the facilitator moves on.
 */
import { getDb } from '../../src/lib/server/db';
import { caseIsLive } from '../../src/lib/server/case-studies';
import { parseDocName } from '../../src/lib/shared/protocol';
import type { Principal } from './upgrade';

interface Writer {
	readonly doc: string;
	readonly principal: Principal;
}

/** False when `writer` is a participant on a case document whose activity is no longer on. */
export function mayWriteNow(writer: Writer): boolean {
	if (writer.principal.kind !== 'participant' || !writer.doc.startsWith('case.')) return true;
	const name = parseDocName(writer.doc);
	return name?.kind === 'case' && caseIsLive(getDb(), name.workshopId, name.caseStudyId);
}
