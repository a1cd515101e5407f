/**
 * The demo's assessment: the RIGHTSCITIES pilot framework, a cycle with twenty findings on housing
 * and participation (imported through the same CSV path coordinators use), and a finding vote on
 * the demo workshop's agenda. Content in ./assessment.en.json.
 */
import Papa from 'papaparse';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { finding } from '../db/schema';
import { addActivity } from '../agenda';
import { createFrameworkFromBuiltin } from '../frameworks/create';
import { createCycle } from '../cycles';
import { cycleForEditor } from '../findings/cycle-access';
import { importFindingsCsv } from '../findings/csv-import';
import { CSV_COLUMNS } from '../findings/csv-format';
import { addFindings, saveSettings } from '../votes/setup';
import content from './assessment.en.json';
import { m } from '../../paraglide/messages.js';
import { baseLocale } from '../../paraglide/runtime.js';

export type DemoContentFile = typeof content;
export { content as demoAssessmentContent };

type DemoFinding = (typeof content.findings)[number];

/** The demo findings as a findings CSV: one row per finding, its evidence on the same row. */
export function demoFindingsCsv(findings: DemoFinding[] = content.findings): string {
	const rows = findings.map((f) => {
		const e = f.evidence[0];
		return [f.code, f.statement, f.rating, f.onPaper, f.inPractice, f.effect, f.confidence, f.status, e?.kind ?? '', e?.text ?? '', e?.source ?? '', e?.date ?? '', e?.holder ?? '', e?.url ?? ''];
	});
	return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows });
}

/** Creates the framework, the cycle and its findings; returns the cycle id. */
export async function seedDemoCycle(db: Db, actorUserId: string, organisationId: string): Promise<string> {
	const fw = await createFrameworkFromBuiltin(db, actorUserId, organisationId);
	const cycle = await createCycle(db, actorUserId, organisationId, { name: content.cycle.name, purpose: content.cycle.purpose, frameworkId: fw.id });
	const csv = demoFindingsCsv();
	const result = await importFindingsCsv(db, await cycleForEditor(db, actorUserId, organisationId, cycle.id), actorUserId, csv, Buffer.byteLength(csv));
	if (!result.ok) throw new Error(`demo findings did not import: ${JSON.stringify(result.issues.slice(0, 3))}`);
	return cycle.id;
}

/** Adds the finding vote (agree / disagree / unsure) on the chosen demo findings to the agenda. */
export async function seedDemoVote(db: Db, actorUserId: string, workshopId: string, cycleId: string): Promise<void> {
	const opts = { locale: baseLocale } as const;
	const vote = await addActivity(db, actorUserId, workshopId, {
		type: 'vote',
		title: m.demo_agenda_vote_title({}, opts),
		prompt: m.demo_agenda_vote_prompt({}, opts),
		plannedMinutes: 20,
		anonymity: 'role_group'
	});
	await saveSettings(db, actorUserId, workshopId, vote.id, { kind: 'agree', budget: '', cap: '', cycleId, shownGroups: [] });
	const statements = content.voteFindings.map((i) => content.findings[i]!.statement);
	const rows = await db
		.select({ id: finding.id, statement: finding.statement })
		.from(finding)
		.where(and(eq(finding.cycleId, cycleId), inArray(finding.statement, statements)));
	// In the order the content lists them, not the database's.
	const ids = statements.map((s) => rows.find((r) => r.statement === s)?.id).filter((id): id is string => !!id);
	await addFindings(db, actorUserId, workshopId, vote.id, ids);
}
