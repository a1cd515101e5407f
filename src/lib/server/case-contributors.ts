/**
 * Which role groups contributed to which section of a case study. The sync server records a
 * group when it commits someone's change to a section; screens see it through the control
 * document, without role groups in anonymous activities.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db/client';
import { activity, caseContributor, caseStudy, participant } from './db/schema';
import { isCaseSection, type CaseSection } from '../shared/case-study-template';
import { STAFF_GROUP, type SectionContributors } from '../shared/case-control';

/** The group to record for a connection: the participant's role group, or "staff". */
export async function contributorGroup(db: Db, who: { kind: 'user' } | { kind: 'participant'; participantId: string }): Promise<string | null> {
	if (who.kind === 'user') return STAFF_GROUP;
	const [row] = await db.select({ roleGroup: participant.roleGroup }).from(participant).where(eq(participant.id, who.participantId)).limit(1);
	return row?.roleGroup ?? null;
}

/** Records `group` for each section (first time only); true when something new was recorded. */
export async function recordContributors(db: Db, caseStudyId: string, sections: Iterable<CaseSection>, group: string): Promise<boolean> {
	let added = 0;
	const now = Date.now();
	for (const section of sections) {
		const inserted = await db
			.insert(caseContributor)
			.values({ caseStudyId, section, roleGroup: group, firstAt: now })
			.onConflictDoNothing()
			.returning({ section: caseContributor.section });
		added += inserted.length;
	}
	return added > 0;
}

/**
 * Contributors of every case study shown by an activity of the workshop, as screens may see them:
 * role groups in named and role-group activities; in anonymous ones only that a section was edited.
 */
export async function workshopCaseContributors(db: Db, workshopId: string): Promise<Record<string, SectionContributors>> {
	const cases = await db
		.select({ id: caseStudy.id, anonymity: activity.anonymity })
		.from(caseStudy)
		.innerJoin(activity, and(eq(activity.refId, caseStudy.id), eq(activity.workshopId, workshopId)))
		.where(eq(caseStudy.workshopId, workshopId))
		.orderBy(asc(caseStudy.createdAt), asc(caseStudy.id));
	const out: Record<string, SectionContributors> = {};
	if (cases.length === 0) return out;
	for (const c of cases) out[c.id] = {};
	const rows = await db
		.select()
		.from(caseContributor)
		.where(inArray(caseContributor.caseStudyId, cases.map((c) => c.id)))
		.orderBy(asc(caseContributor.firstAt), asc(caseContributor.roleGroup));
	const anonymous = new Set(cases.filter((c) => c.anonymity === 'anonymous').map((c) => c.id));
	for (const row of rows) {
		if (!isCaseSection(row.section)) continue;
		const sections = out[row.caseStudyId]!;
		const groups = (sections[row.section] ??= []);
		if (!anonymous.has(row.caseStudyId)) groups.push(row.roleGroup);
	}
	return out;
}
