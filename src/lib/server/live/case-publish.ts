/**
 * What the control document says about a workshop's case studies (which role groups contributed
 * to which section, case titles and the organisation's own rights). Read from the database when publishing;
 * returns a writer applied inside the control document's transaction.
 */
import type * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { caseStudy } from '../db/schema';
import type { Db } from '../db/client';
import { writeCaseControl } from '../../shared/case-control';
import { workshopCaseContributors } from '../case-contributors';
import { rightOptionsForWorkshop } from '../case-rights';

export function caseControlWriter(db: Db, workshopId: string): (doc: Y.Doc) => void {
	const contributors = workshopCaseContributors(db, workshopId);
	const rights = rightOptionsForWorkshop(db, workshopId);
	const rows = db.select({ id: caseStudy.id, title: caseStudy.title }).from(caseStudy).where(eq(caseStudy.workshopId, workshopId)).all();
	const titles = Object.fromEntries(rows.map((r) => [r.id, r.title]));
	return (doc) => writeCaseControl(doc, { contributors, titles, rights });
}
