/**
 * A workshop with something in every section of the report, written straight into a database:
 * participants in three role groups (one removed, some thanked by organisation), a case study in
 * a role-group activity and one in an anonymous activity (their documents in the update log), a
 * validation vote on two findings with ballots and a recorded outcome, and one action point.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { actionRegisterEntry, activity, ballot, caseContributor, caseStudy, findingEvent, participant, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { caseSchema } from '../../src/lib/collab/case-schema';
import { sectionFragment, setRightChosen } from '../../src/lib/shared/case-doc';
import { caseDocName } from '../../src/lib/shared/protocol';
import type { CaseSection } from '../../src/lib/shared/case-study-template';
import { findingsCycle, voteActivity } from './vote-fixtures';
import { appendDocUpdate } from './doc-updates';

export const REPORT = {
	purpose: 'Check how the city keeps its promises on accessible housing.',
	caseText: 'Mrs K. waited two years for a ground-floor flat.',
	disputedText: 'the waiting list is fair',
	disputedReason: 'Residents say priority rules are secret',
	anonymousCaseText: 'A benefits letter nobody could read.',
	statement: 'Housing allocation rules are published in plain language.',
	otherStatement: 'Front-line staff are trained on disability rights.',
	actionTitle: 'Publish the allocation rules in easy-read form',
	objection: 'Easy-read alone will not help people who cannot read',
	/** Names that must never reach the report. */
	names: ['Zofia Secretname', 'Piotr Hiddenname', 'Anna Privatename'],
	organisations: ['Warsaw Disability Forum', 'Tenants Union']
} as const;

function caseDoc(sections: Partial<Record<CaseSection, unknown[]>>, rights: string[]): Buffer {
	const doc = new Y.Doc();
	for (const [section, content] of Object.entries(sections)) {
		prosemirrorJSONToYXmlFragment(caseSchema, { type: 'doc', content }, sectionFragment(doc, section as CaseSection));
	}
	for (const id of rights) setRightChosen(doc, { id }, true);
	return Buffer.from(Y.encodeStateAsUpdate(doc));
}

async function caseActivity(db: Db, workshopId: string, title: string, position: number, anonymity: string, groups: string[], update: Buffer): Promise<string> {
	const now = Date.now();
	const caseId = newId();
	await db.insert(caseStudy).values({ id: caseId, workshopId, title, createdAt: now, updatedAt: now });
	await db.insert(activity).values({ id: newId(), workshopId, position, type: 'case_study', title: `Case: ${title}`, anonymity, refId: caseId, plannedMinutes: 25, createdAt: now });
	for (const g of groups) await db.insert(caseContributor).values({ caseStudyId: caseId, section: 'situation', roleGroup: g, firstAt: now });
	await appendDocUpdate(db, caseDocName(workshopId, caseId), update);
	return caseId;
}

async function join(db: Db, workshopId: string, displayName: string | null, roleGroup: string, extra: { organisation?: string; thank?: boolean; removed?: boolean } = {}): Promise<string> {
	const id = newId();
	await db
		.insert(participant)
		.values({ id, workshopId, displayName, roleGroup, organisation: extra.organisation ?? null, acknowledgeOrganisation: extra.thank ?? false, tokenHash: newId(), removedAt: extra.removed ? Date.now() : null, createdAt: Date.now() });
	return id;
}

export interface ReportSeed {
	voteActivityId: string;
	findingIds: string[];
	caseIds: { named: string; anonymous: string };
}

/** Fills `workshopId` (of `organisationId`) with everything the report shows. */
export async function seedReportWorkshop(db: Db, organisationId: string, workshopId: string): Promise<ReportSeed> {
	await db
		.update(workshop)
		.set({ purpose: REPORT.purpose, scheduledOn: '2026-11-20', roleGroupKinds: JSON.stringify({ 'Policy officers': 'civil_servants', 'NGO staff': 'civil_society', Residents: 'civil_society' }) })
		.where(eq(workshop.id, workshopId));
	const [zofia, piotr, anna] = REPORT.names;
	const officers = [await join(db, workshopId, zofia, 'Policy officers'), await join(db, workshopId, null, 'Policy officers'), await join(db, workshopId, null, 'Policy officers')];
	const ngo = [
		await join(db, workshopId, piotr, 'NGO staff', { organisation: REPORT.organisations[0], thank: true }),
		await join(db, workshopId, null, 'NGO staff', { organisation: ` ${REPORT.organisations[0]} `, thank: true }),
		await join(db, workshopId, null, 'NGO staff', { organisation: 'Quiet Association', thank: false })
	];
	const residents = [await join(db, workshopId, anna, 'Residents', { organisation: REPORT.organisations[1], thank: true }), await join(db, workshopId, null, 'Residents')];
	await join(db, workshopId, 'Removed Person', 'Residents', { organisation: 'Removed Org', thank: true, removed: true });

	const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
	const disputed = [{ type: 'disputed', attrs: { id: 'd1', reason: REPORT.disputedReason } }];
	const named = await caseActivity(db, workshopId, 'Housing for a wheelchair user', 1, 'role_group', ['NGO staff', 'staff'], caseDoc({ situation: [paragraph(REPORT.caseText)], dilemmas: [paragraph(REPORT.disputedText, disputed)] }, ['eu_charter_26']));
	const anonymous = await caseActivity(db, workshopId, 'Benefits letter', 2, 'anonymous', ['Residents'], caseDoc({ situation: [paragraph(REPORT.anonymousCaseText)] }, []));

	const { cycleId, findingIds } = await findingsCycle(db, organisationId, [REPORT.statement, REPORT.otherStatement]);
	const vote = await voteActivity(db, workshopId, 'Validate the findings', { cycleId, findingIds, status: 'closed', revealed: true, shownGroups: ['Residents'], position: 3 });
	const now = Date.now();
	const cast = async (who: string, roleGroup: string, choice: string) => {
		for (const itemKey of vote.itemIds) {
			await db.insert(ballot).values({ id: newId(), activityId: vote.activityId, participantId: who, itemKey, value: JSON.stringify({ choice }), roleGroup, createdAt: now, updatedAt: now });
		}
	};
	for (const p of officers) await cast(p, 'Policy officers', 'agree');
	for (const [i, p] of ngo.entries()) await cast(p, 'NGO staff', i === 2 ? 'disagree' : 'agree');
	for (const p of residents) await cast(p, 'Residents', 'disagree');
	await db
		.insert(findingEvent)
		.values({ findingId: findingIds[0]!, action: 'workshop_validation', detail: JSON.stringify({ outcome: 'contested', activityId: vote.activityId, tallies: [], minorityReasons: [] }), workshopId, createdAt: now });

	await db
		.insert(actionRegisterEntry)
		.values({
			id: newId(),
			organisationId,
			workshopId,
			sourceKey: `${workshopId}:a1`,
			title: REPORT.actionTitle,
			type: 'accessibility',
			horizon: 'quick_win',
			department: 'Housing department',
			validation: JSON.stringify({
				outcome: 'validated',
				tallies: [{ group: 'all', label: '', voters: 8, counts: { agree: 7, disagree: 1 } }],
				objections: [{ text: REPORT.objection, attribution: 'Residents' }]
			}),
			recordedAt: now,
			updatedAt: now
		});
	return { voteActivityId: vote.activityId, findingIds, caseIds: { named, anonymous } };
}
