import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { REPORT, seedReportWorkshop } from '../helpers/report-fixtures';
import { buildWorkshopReport } from '../../src/lib/server/reports/workshop-report';
import { storedDocReader } from '../../src/lib/server/reports/stored-doc';
import { reportFileName } from '../../src/lib/server/reports/report-docx';
import type { WorkshopReport } from '../../src/lib/shared/workshop-report';
import { joinWorkshop } from '../../src/lib/server/participants';
import { ensureJoinCredentials } from '../../src/lib/server/join-credentials';
import { participant, workshop } from '../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
});
afterEach(async () => await f.t.dispose());

async function report(): Promise<WorkshopReport> {
	const r = await buildWorkshopReport(f.t.db, f.workshopId, storedDocReader(f.t.db));
	expect(r).not.toBeNull();
	return r!;
}

describe('workshop report data model', () => {
	it('says plainly when a new workshop has nothing yet', async () => {
		const r = await report();
		expect(r.title).toBe('Housing rights');
		expect(r.participation).toEqual({ total: 0, byRoleGroup: [] });
		expect([r.caseStudies, r.findingVotes, r.actionPoints, r.acknowledgements]).toEqual([[], [], [], []]);
	});

	it('is null for a workshop that does not exist', async () => {
		expect(await buildWorkshopReport(f.t.db, 'nope', storedDocReader(f.t.db))).toBeNull();
	});

	it('counts participants by role group, leaving out the removed, and never holds a name', async () => {
		await seedReportWorkshop(f.t.db, f.organisationId, f.workshopId);
		const r = await report();
		expect(r.purpose).toBe(REPORT.purpose);
		expect(r.date).toBe('2026-11-20');
		expect(r.participation.total).toBe(8);
		expect(r.participation.byRoleGroup).toEqual([
			{ roleGroup: 'NGO staff', count: 3 },
			{ roleGroup: 'Policy officers', count: 3 },
			{ roleGroup: 'Residents', count: 2 }
		]);
		const text = JSON.stringify(r);
		for (const name of [...REPORT.names, 'Removed Person']) expect(text).not.toContain(name);
	});

	it('thanks only organisations that opted in, once each, sorted, not removed ones', async () => {
		await seedReportWorkshop(f.t.db, f.organisationId, f.workshopId);
		const r = await report();
		expect(r.acknowledgements).toEqual([REPORT.organisations[1], REPORT.organisations[0]].sort());
		expect(JSON.stringify(r)).not.toContain('Quiet Association');
	});

	it('reads case text, rights and disputes from the stored document; no role groups for the anonymous case', async () => {
		await seedReportWorkshop(f.t.db, f.organisationId, f.workshopId);
		const [named, anonymous] = (await report()).caseStudies;
		expect(named!.sections.find((s) => s.section === 'situation')).toEqual({ section: 'situation', paragraphs: [REPORT.caseText], contributors: ['NGO staff', 'staff'] });
		expect(named!.rights).toEqual([{ id: 'eu_charter_26' }]);
		expect(named!.disputed).toEqual([{ text: REPORT.disputedText, reason: REPORT.disputedReason }]);
		expect(anonymous!.anonymous).toBe(true);
		expect(anonymous!.sections.find((s) => s.section === 'situation')!.paragraphs).toEqual([REPORT.anonymousCaseText]);
		expect(anonymous!.sections.flatMap((s) => s.contributors)).toEqual([]);
	});

	it('gives validation results as the staff results do, without suppressed groups, with recorded outcomes', async () => {
		await seedReportWorkshop(f.t.db, f.organisationId, f.workshopId);
		const [vote] = (await report()).findingVotes;
		expect(vote!.voters).toBe(8);
		const [first, second] = vote!.findings;
		expect(first!.statement).toBe(REPORT.statement);
		expect(first!.outcome).toBe('contested');
		expect(second!.outcome).toBeNull();
		const keys = first!.groups.map((g) => g.key);
		expect(keys).toContain('all');
		expect(keys).not.toContain('group:Residents');
		expect(first!.groups.every((g) => !g.hidden && g.voters !== null)).toBe(true);
		expect(first!.groups.find((g) => g.key === 'kind:civil_servants')).toMatchObject({ voters: 3, tally: { counts: { agree: 3, disagree: 0, unsure: 0 } } });
	});

	it('reads action points with their validation snapshot, treating missing fields as absent', async () => {
		await seedReportWorkshop(f.t.db, f.organisationId, f.workshopId);
		const [a] = (await report()).actionPoints;
		expect(a).toEqual({
			title: REPORT.actionTitle,
			horizon: 'quick_win',
			department: 'Housing department',
			status: 'planned',
			outcome: 'validated',
			tallies: [{ label: '', voters: 8, counts: { agree: 7, disagree: 1 } }],
			objections: [{ text: REPORT.objection, attribution: 'Residents' }],
			changes: []
		});
	});

	it('keeps the consent to be thanked only with an organisation, and off unless given', async () => {
		await f.t.db.update(workshop).set({ roleGroups: JSON.stringify(['Residents']) }).where(eq(workshop.id, f.workshopId));
		await ensureJoinCredentials(f.t.db, f.workshopId);
		const join = async (organisation: string | null, acknowledgeOrganisation?: boolean) =>
			(await joinWorkshop(f.t.db, f.workshopId, { displayName: null, roleGroup: 'Residents', organisation, language: 'en', acknowledgeOrganisation })).participant.id;
		const ids = [await join('Tenants Union', true), await join('  ', true), await join('Quiet Association')];
		const stored: boolean[] = [];
		for (const id of ids) stored.push((await f.t.db.select({ a: participant.acknowledgeOrganisation }).from(participant).where(eq(participant.id, id)).limit(1))[0]!.a);
		expect(stored).toEqual([true, false, false]);
		expect((await report()).acknowledgements).toEqual(['Tenants Union']);
	});

	it('names the DOCX file with safe characters only', () => {
		expect(reportFileName('Łódź: "rights" / 2026')).toBe('odz-rights-2026-report.docx');
		expect(reportFileName('???')).toBe('workshop-report.docx');
	});
});
