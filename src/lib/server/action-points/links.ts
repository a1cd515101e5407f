/**
 * What an action point of a workshop may link to: the workshop's case studies, and the findings
 * that are items of the workshop's votes. Labels only (titles and statements), never who wrote them.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, caseStudy, finding, voteItem } from '../db/schema';
import type { ActionPointLinks } from '../../shared/action-point-links';

export async function actionPointLinks(db: Db, workshopId: string): Promise<ActionPointLinks> {
	const caseStudies = await db
		.select({ id: caseStudy.id, label: caseStudy.title })
		.from(caseStudy)
		.where(eq(caseStudy.workshopId, workshopId))
		.orderBy(asc(caseStudy.createdAt), asc(caseStudy.id));
	const rows = await db
		.select({ id: finding.id, label: finding.statement })
		.from(voteItem)
		.innerJoin(activity, eq(activity.id, voteItem.activityId))
		.innerJoin(finding, eq(finding.id, voteItem.findingId))
		.where(and(eq(activity.workshopId, workshopId), isNotNull(voteItem.findingId)))
		.orderBy(asc(activity.position), asc(activity.createdAt), asc(activity.id), asc(voteItem.position), asc(voteItem.id));
	const seen = new Set<string>();
	const findings = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
	return { findings, caseStudies };
}
