/**
 * Builds the workshop report's data model (`src/lib/shared/workshop-report.ts`) from the database
 * and the case documents. Vote figures come from the staff results (`votes/staff-results.ts`) with
 * suppressed groups left out, never recomputed; no participant's name is read at all.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, caseStudy, organisation, workshop } from '../db/schema';
import { caseDocName } from '../../shared/protocol';
import { workshopCaseContributors } from '../case-contributors';
import { readWorkshopVotes } from '../votes/read';
import { staffResults } from '../votes/staff-results';
import type { ReportCaseStudy, ReportFindingVote, WorkshopReport } from '../../shared/workshop-report';
import { readCaseText } from './case-text';
import { defaultDocReader, type DocReader } from './stored-doc';
import { workshopActionPoints } from './action-points';
import { acknowledgedOrganisations, participationByRoleGroup } from './participation';

async function caseStudies(db: Db, workshopId: string, readDoc: DocReader): Promise<ReportCaseStudy[]> {
	const rows = await db
		.select({ id: caseStudy.id, title: caseStudy.title, anonymity: activity.anonymity })
		.from(activity)
		.innerJoin(caseStudy, and(eq(caseStudy.id, activity.refId), eq(caseStudy.workshopId, workshopId)))
		.where(and(eq(activity.workshopId, workshopId), eq(activity.type, 'case_study')))
		.orderBy(asc(activity.position), asc(activity.id));
	// Already without role groups for anonymous activities.
	const contributors = await workshopCaseContributors(db, workshopId);
	const out: ReportCaseStudy[] = [];
	for (const row of rows) {
		const text = await readDoc(caseDocName(workshopId, row.id), readCaseText);
		const anonymous = row.anonymity === 'anonymous';
		out.push({
			title: row.title,
			anonymous,
			sections: text.sections.map((s) => ({ ...s, contributors: anonymous ? [] : (contributors[row.id]?.[s.section] ?? []) })),
			rights: text.rights,
			disputed: text.disputed
		});
	}
	return out;
}

async function findingVotes(db: Db, workshopId: string): Promise<ReportFindingVote[]> {
	const out: ReportFindingVote[] = [];
	for (const vote of await readWorkshopVotes(db, workshopId)) {
		const staff = await staffResults(db, vote);
		if (!staff.validation) continue;
		const recorded = staff.validation.recorded;
		out.push({
			title: staff.title,
			voters: staff.results.voters,
			findings: staff.results.items.map((item) => ({
				statement: item.text,
				groups: item.groups.filter((g) => !g.hidden),
				gap: item.gap,
				outcome: (item.findingId && recorded[item.findingId]) || null
			}))
		});
	}
	return out;
}

/** The report of a workshop, or null when there is no such workshop. */
export async function buildWorkshopReport(db: Db, workshopId: string, readDoc: DocReader = defaultDocReader(db)): Promise<WorkshopReport | null> {
	const [w] = await db
		.select({ title: workshop.title, date: workshop.scheduledOn, language: workshop.language, purpose: workshop.purpose, organisation: organisation.name })
		.from(workshop)
		.innerJoin(organisation, eq(organisation.id, workshop.organisationId))
		.where(eq(workshop.id, workshopId))
		.limit(1);
	if (!w) return null;
	const agenda = await db
		.select({ title: activity.title, type: activity.type, plannedMinutes: activity.plannedMinutes })
		.from(activity)
		.where(eq(activity.workshopId, workshopId))
		.orderBy(asc(activity.position), asc(activity.id));
	return {
		title: w.title,
		date: w.date,
		language: w.language,
		purpose: w.purpose,
		organisation: w.organisation,
		agenda,
		participation: await participationByRoleGroup(db, workshopId),
		caseStudies: await caseStudies(db, workshopId, readDoc),
		findingVotes: await findingVotes(db, workshopId),
		actionPoints: await workshopActionPoints(db, workshopId),
		acknowledgements: await acknowledgedOrganisations(db, workshopId)
	};
}
