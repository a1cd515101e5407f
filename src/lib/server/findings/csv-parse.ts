/**
 * Reads a findings CSV and checks every row against the cycle (its item codes and rating scale)
 * before anything is written: the result is either every finding ready to insert, or every
 * problem found, by row and column. UTF-8 with or without a byte-order mark; comma or semicolon.
 */
import Papa from 'papaparse';
import {
	checkEvidence,
	checkFinding,
	EVIDENCE_MAX_PER_FINDING,
	isEmptyEvidence,
	isFindingStatus,
	normaliseEvidence,
	normaliseFinding,
	type EvidenceInput,
	type FindingInput,
	type FindingStatus
} from '../../shared/finding-rules';
import { CSV_COLUMNS, CSV_MAX_BYTES, CSV_MAX_ROWS, REQUIRED_COLUMNS, isCsvColumn, type CsvColumn, type CsvIssue } from './csv-format';

export interface CsvContext {
	/** Item codes of the cycle's framework. */
	itemCodes: ReadonlySet<string>;
	/** Keys of the cycle's rating scale. */
	ratingKeys: readonly string[];
}

/** A finding read from the file, with the row it starts on. */
export interface CsvFinding {
	row: number;
	itemCode: string;
	finding: FindingInput;
	status: FindingStatus;
	evidence: EvidenceInput[];
}

export type CsvResult = { ok: true; findings: CsvFinding[] } | { ok: false; issues: CsvIssue[] };

const FINDING_COLUMNS: Record<keyof FindingInput, CsvColumn> = {
	statement: 'statement',
	rating: 'rating',
	onPaper: 'on_paper',
	inPractice: 'in_practice',
	effect: 'effect',
	confidence: 'confidence'
};

const EVIDENCE_COLUMNS: Record<keyof EvidenceInput, CsvColumn> = {
	kind: 'evidence_kind',
	text: 'evidence_text',
	source: 'evidence_source',
	date: 'evidence_date',
	holder: 'evidence_holder',
	url: 'evidence_url'
};

/** Keys (enums, ratings) are matched without regard to case or surrounding spaces. */
const KEY_COLUMNS = new Set<CsvColumn>(['rating', 'on_paper', 'in_practice', 'effect', 'confidence', 'status', 'evidence_kind']);

/** Semicolon when the header line uses semicolons (spreadsheets in much of Europe), else comma. */
function delimiterOf(text: string): string {
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const count = (c: string) => firstLine.split(c).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

type Header = { ok: true; columns: CsvColumn[] } | { ok: false; issues: CsvIssue[] };

function readHeader(cells: string[]): Header {
	const issues: CsvIssue[] = [];
	const columns: CsvColumn[] = [];
	for (const raw of cells) {
		const name = raw.trim().toLowerCase();
		if (!isCsvColumn(name)) issues.push({ row: 1, column: raw.trim(), code: 'column_unknown' });
		else if (columns.includes(name)) issues.push({ row: 1, column: name, code: 'column_duplicate' });
		else columns.push(name);
	}
	for (const name of REQUIRED_COLUMNS) {
		if (!columns.includes(name)) issues.push({ row: 1, column: name, code: 'column_missing' });
	}
	return issues.length > 0 ? { ok: false, issues } : { ok: true, columns };
}

type Cells = Record<CsvColumn, string>;

function cellsOf(columns: CsvColumn[], values: string[]): Cells {
	const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Cells;
	columns.forEach((c, i) => {
		// The export writes a leading apostrophe before =, +, - and @ so spreadsheets keep the cell text.
		const value = (values[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
		cells[c] = KEY_COLUMNS.has(c) ? value.toLowerCase() : value;
	});
	return cells;
}

function evidenceOf(cells: Cells): EvidenceInput {
	const fields = Object.entries(EVIDENCE_COLUMNS).map(([field, column]) => [field, cells[column]]);
	return normaliseEvidence(Object.fromEntries(fields) as EvidenceInput);
}

function checkEvidenceCells(row: number, evidence: EvidenceInput, issues: CsvIssue[]): void {
	if (evidence.kind === '') {
		issues.push({ row, column: 'evidence_kind', code: 'evidence_kind_missing' });
		return;
	}
	for (const [field, code] of Object.entries(checkEvidence(evidence))) {
		issues.push({ row, column: EVIDENCE_COLUMNS[field as keyof EvidenceInput], code: `evidence_${code}` });
	}
}

/** Checks one data row; returns the finding it starts, or null for a row that only adds evidence. */
function readRow(row: number, cells: Cells, context: CsvContext, issues: CsvIssue[], previous: CsvFinding | undefined): CsvFinding | null {
	const evidence = evidenceOf(cells);
	const hasEvidence = !isEmptyEvidence(evidence);
	if (cells.item_code === '' && cells.statement === '') {
		// A continuation row: one more evidence item for the finding above.
		const extra = (['rating', 'on_paper', 'in_practice', 'effect', 'confidence', 'status'] as const).find((c) => cells[c] !== '');
		if (!previous) issues.push({ row, column: 'item_code', code: 'item_code_missing' });
		else if (extra) issues.push({ row, column: extra, code: 'continuation_has_finding_fields' });
		else if (!hasEvidence) issues.push({ row, column: 'evidence_kind', code: 'evidence_kind_missing' });
		else if (previous.evidence.length >= EVIDENCE_MAX_PER_FINDING) issues.push({ row, column: 'evidence_kind', code: 'evidence_too_many' });
		else {
			checkEvidenceCells(row, evidence, issues);
			previous.evidence.push(evidence);
		}
		return null;
	}
	const finding = normaliseFinding({
		statement: cells.statement,
		rating: cells.rating,
		onPaper: cells.on_paper,
		inPractice: cells.in_practice,
		effect: cells.effect,
		confidence: cells.confidence
	});
	if (cells.item_code === '') issues.push({ row, column: 'item_code', code: 'item_code_missing' });
	else if (!context.itemCodes.has(cells.item_code)) issues.push({ row, column: 'item_code', code: 'item_code_unknown' });
	for (const [field, code] of Object.entries(checkFinding(finding, context.ratingKeys))) {
		issues.push({ row, column: FINDING_COLUMNS[field as keyof FindingInput], code });
	}
	const status = cells.status === '' ? 'draft' : cells.status;
	if (!isFindingStatus(status)) issues.push({ row, column: 'status', code: 'status_unknown' });
	if (hasEvidence) checkEvidenceCells(row, evidence, issues);
	return { row, itemCode: cells.item_code, finding, status: isFindingStatus(status) ? status : 'draft', evidence: hasEvidence ? [evidence] : [] };
}

/** Parses and checks a whole file (`bytes` is its size, checked before anything else). */
export function parseFindingsCsv(text: string, bytes: number, context: CsvContext): CsvResult {
	if (bytes > CSV_MAX_BYTES) return { ok: false, issues: [{ row: 0, column: '', code: 'file_too_large' }] };
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, issues: [{ row: 0, column: '', code: 'file_empty' }] };
	const parsed = Papa.parse<string[]>(body, { delimiter: delimiterOf(body), skipEmptyLines: false });
	const issues: CsvIssue[] = parsed.errors
		.filter((e) => e.type === 'Quotes')
		.map((e) => ({ row: (e.row ?? 0) + 1, column: '', code: 'row_malformed' }));
	const records = parsed.data;
	const header = readHeader(records[0] ?? []);
	if (!header.ok) return { ok: false, issues: [...header.issues, ...issues] };
	const blank = (r: string[]) => r.every((c) => c.trim() === '');
	const dataRows = records.slice(1).filter((r) => !blank(r)).length;
	if (dataRows === 0) return { ok: false, issues: [{ row: 0, column: '', code: 'file_no_rows' }] };
	if (dataRows > CSV_MAX_ROWS) return { ok: false, issues: [{ row: 0, column: '', code: 'file_too_many_rows' }] };
	const findings: CsvFinding[] = [];
	records.forEach((values, index) => {
		const row = index + 1;
		if (index === 0 || blank(values)) return;
		if (values.length > header.columns.length && values.slice(header.columns.length).some((v) => v.trim() !== '')) {
			issues.push({ row, column: '', code: 'row_too_many_fields' });
			return;
		}
		const found = readRow(row, cellsOf(header.columns, values), context, issues, findings.at(-1));
		if (found) findings.push(found);
	});
	issues.sort((a, b) => a.row - b.row);
	return issues.length > 0 ? { ok: false, issues } : { ok: true, findings };
}
