/**
 * The findings CSV format, shared by the import (which checks it) and the export (which writes
 * it), so a file exported from one cycle imports into another unchanged. Documented in
 * docs/findings-csv.md.
 */

/** Every column, in the order the export writes them. */
export const CSV_COLUMNS = [
	'item_code',
	'statement',
	'rating',
	'on_paper',
	'in_practice',
	'effect',
	'confidence',
	'status',
	'evidence_kind',
	'evidence_text',
	'evidence_source',
	'evidence_date',
	'evidence_holder',
	'evidence_url'
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file must have; the others may be left out. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['item_code', 'statement'];

/** Larger files are refused before parsing. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
/** At most this many data rows (the header not counted). */
export const CSV_MAX_ROWS = 5000;

/**
 * One problem in a file. `row` counts records as a spreadsheet shows them: the header is row 1,
 * the first finding row 2; 0 means the file as a whole. `column` is a header name, or '' when the
 * problem is not in one column.
 */
export interface CsvIssue {
	row: number;
	column: string;
	code: string;
}

export function isCsvColumn(name: string): name is CsvColumn {
	return (CSV_COLUMNS as readonly string[]).includes(name);
}
