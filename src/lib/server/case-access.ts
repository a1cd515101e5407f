/**
 * The case-study part of the sync access rule, which needs the database: the case must exist in
 * the workshop named by the document (else no access at all), and participants write only while
 * the case's activity is the current activity (read-only otherwise).
 */
import type { Db } from './db/client';
import type { DocAccess } from './access';
import type { DocName } from '../shared/protocol';
import { caseInWorkshop, caseIsLive } from './case-studies';

export async function refineCaseAccess(db: Db, doc: DocName, access: DocAccess, who: 'user' | 'participant'): Promise<DocAccess> {
	if (doc.kind !== 'case' || !access) return access;
	if (!(await caseInWorkshop(db, doc.workshopId, doc.caseStudyId))) return null;
	if (who === 'participant' && access === 'write' && !(await caseIsLive(db, doc.workshopId, doc.caseStudyId))) return 'read';
	return access;
}
