/**
 * A cycle's findings as CSV in the import format (one row per evidence item, continuation rows
 * for the second and later items), so an export imports back unchanged.
 */
import { asc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Executor } from '../db/executor';
import { evidence, finding, frameworkNode } from '../db/schema';
import { CSV_COLUMNS, type CsvColumn } from './csv-format';

type Row = Record<CsvColumn, string>;

/** Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text. */
function safeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function exportFindingsCsv(db: Executor, cycleId: string): Promise<string> {
	const findings = await db
		.select({ f: finding, code: frameworkNode.code })
		.from(finding)
		.innerJoin(frameworkNode, eq(frameworkNode.id, finding.nodeId))
		.where(eq(finding.cycleId, cycleId))
		.orderBy(asc(finding.createdAt), asc(finding.seq));
	const rows: Row[] = [];
	for (const { f, code } of findings) {
		const items = await db.select().from(evidence).where(eq(evidence.findingId, f.id)).orderBy(asc(evidence.position));
		const base: Row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Row;
		const head: Row = {
			...base,
			item_code: code,
			statement: f.statement,
			rating: f.rating ?? '',
			on_paper: f.onPaper ?? '',
			in_practice: f.inPractice ?? '',
			effect: f.effect ?? '',
			confidence: f.confidence ?? '',
			status: f.status
		};
		const withEvidence = (row: Row, e: (typeof items)[number]): Row => ({
			...row,
			evidence_kind: e.kind,
			evidence_text: e.text,
			evidence_source: e.source,
			evidence_date: e.date,
			evidence_holder: e.holder,
			evidence_url: e.url
		});
		if (items.length === 0) rows.push(head);
		items.forEach((e, i) => rows.push(withEvidence(i === 0 ? head : base, e)));
	}
	const data = rows.map((r) => CSV_COLUMNS.map((c) => safeCell(r[c])));
	// Without a trailing line break (Papa adds one after a header without rows); the route ends the file.
	return Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n' }).replace(/\r\n$/, '');
}
