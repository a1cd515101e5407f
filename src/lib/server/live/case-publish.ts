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

export async function caseControlWriter(db: Db, workshopId: string): Promise<(doc: Y.Doc) => void> {
	const contributors = await workshopCaseContributors(db, workshopId);
	const rights = await rightOptionsForWorkshop(db, workshopId);
	const rows = await db.select({ id: caseStudy.id, title: caseStudy.title }).from(caseStudy).where(eq(caseStudy.workshopId, workshopId));
	const titles = Object.fromEntries(rows.map((r) => [r.id, r.title]));
	return (doc) => writeCaseControl(doc, { contributors, titles, rights });
}
