import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFindingsCsv, type CsvContext } from '../../src/lib/server/findings/csv-parse';
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from '../../src/lib/server/findings/csv-format';
import { DEFAULT_RATING_KEYS } from '../../src/lib/shared/rating-scale';
import { EVIDENCE_MAX_PER_FINDING } from '../../src/lib/shared/finding-rules';
import { RIGHTSCITIES_SECTIONS } from '../helpers/assessment-fixtures';

const codes = RIGHTSCITIES_SECTIONS.flatMap(([, section, n]) => Array.from({ length: n }, (_, i) => `${section}.${i + 1}`));
const context: CsvContext = { itemCodes: new Set(codes), ratingKeys: [...DEFAULT_RATING_KEYS] };
const parse = (text: string) => parseFindingsCsv(text, Buffer.byteLength(text), context);
const issuesOf = (text: string) => {
	const result = parse(text);
	if (result.ok) throw new Error('expected problems, got none');
	return result.issues;
};
const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/examples/findings.csv'), 'utf8');
const HEADER = 'item_code,statement,rating,on_paper,in_practice,effect,confidence,status,evidence_kind,evidence_text,evidence_source,evidence_date,evidence_holder,evidence_url';

describe('reading a findings CSV', () => {
	it('reads the documented example: 40 findings, with continuation rows adding evidence', () => {
		const result = parse(EXAMPLE);
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		expect(result.findings).toHaveLength(40);
		expect(result.findings[0]).toMatchObject({ row: 2, itemCode: 'P1.F.1', status: 'validated', finding: { rating: 'in_place', onPaper: 'yes' } });
		expect(result.findings[0]!.evidence.map((e) => e.kind)).toEqual(['document', 'statistic']);
		expect(result.findings[1]!.row).toBe(4);
		expect(result.findings.filter((f) => f.evidence.length === 0).length).toBeGreaterThan(0);
	});

	it('accepts a byte-order mark, semicolons and keys in any case', () => {
		const text = '\uFEFFItem_Code;Statement;Rating;Status\r\nP1.S.2;"Deputy mayor; responsible for rights";In_Place;UNDER_REVIEW\r\n';
		const result = parse(text);
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		expect(result.findings).toEqual([
			{ row: 2, itemCode: 'P1.S.2', status: 'under_review', evidence: [], finding: expect.objectContaining({ statement: 'Deputy mayor; responsible for rights', rating: 'in_place' }) }
		]);
	});

	it('counts rows as records, so a quoted line break does not shift the row numbers', () => {
		const issues = issuesOf('item_code,statement\nP1.F.1,"two\nlines"\nP9.X.1,unknown item\n');
		expect(issues).toEqual([{ row: 3, column: 'item_code', code: 'item_code_unknown' }]);
	});

	it('reports every bad value with its row and column', () => {
		const rows = [
			HEADER,
			'P9.Z.9,Unknown item,,,,,,,,,,,,',
			'P1.F.1,Bad rating,excellent,,,,,,,,,,,',
			'P1.F.2,Bad judgements,,maybe,sometimes,great,total,finished,,,,,,',
			'P1.F.3,,,,,,,,,,,,,',
			',No item code,,,,,,,,,,,,',
			`P1.F.4,${'x'.repeat(2001)},,,,,,,,,,,,`,
			'P1.S.1,Bad link,,,,,,,document,The plan,,,,ftp://example.org/plan',
			'P1.S.2,Statistic without source,,,,,,,statistic,12%,,,,',
			'P1.S.3,Unknown kind,,,,,,,rumour,Heard it,,,,',
			'P1.S.4,Evidence without kind,,,,,,,,Some text,,,,',
			',,in_place,,,,,,story,A continuation with a rating,,,,',
			'P1.S.5,Too many cells,,,,,,,,,,,,,surplus'
		];
		expect(issuesOf(rows.join('\n'))).toEqual([
			{ row: 2, column: 'item_code', code: 'item_code_unknown' },
			{ row: 3, column: 'rating', code: 'rating_unknown' },
			{ row: 4, column: 'on_paper', code: 'on_paper_unknown' },
			{ row: 4, column: 'in_practice', code: 'in_practice_unknown' },
			{ row: 4, column: 'effect', code: 'effect_unknown' },
			{ row: 4, column: 'confidence', code: 'confidence_unknown' },
			{ row: 4, column: 'status', code: 'status_unknown' },
			{ row: 5, column: 'statement', code: 'statement_missing' },
			{ row: 6, column: 'item_code', code: 'item_code_missing' },
			{ row: 7, column: 'statement', code: 'statement_too_long' },
			{ row: 8, column: 'evidence_url', code: 'evidence_url_invalid' },
			{ row: 9, column: 'evidence_source', code: 'evidence_source_missing' },
			{ row: 10, column: 'evidence_kind', code: 'evidence_kind_unknown' },
			{ row: 11, column: 'evidence_kind', code: 'evidence_kind_missing' },
			{ row: 12, column: 'rating', code: 'continuation_has_finding_fields' },
			{ row: 13, column: '', code: 'row_too_many_fields' }
		]);
	});

	it('reports unknown, duplicate and missing header columns on row 1', () => {
		expect(issuesOf('item_code,statment,item_code,notes\nP1.F.1,x,P1.F.1,y\n')).toEqual([
			{ row: 1, column: 'statment', code: 'column_unknown' },
			{ row: 1, column: 'item_code', code: 'column_duplicate' },
			{ row: 1, column: 'notes', code: 'column_unknown' },
			{ row: 1, column: 'statement', code: 'column_missing' }
		]);
	});

	it('refuses empty files, files without findings, files too large and files with too many rows', () => {
		expect(issuesOf('')).toEqual([{ row: 0, column: '', code: 'file_empty' }]);
		expect(issuesOf('\uFEFF  \n')).toEqual([{ row: 0, column: '', code: 'file_empty' }]);
		expect(issuesOf('item_code,statement\n\n')).toEqual([{ row: 0, column: '', code: 'file_no_rows' }]);
		expect(parseFindingsCsv('item_code,statement\nP1.F.1,x\n', CSV_MAX_BYTES + 1, context)).toEqual({ ok: false, issues: [{ row: 0, column: '', code: 'file_too_large' }] });
		const many = ['item_code,statement', ...Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => `P1.F.1,Finding ${i}`)].join('\n');
		expect(issuesOf(many)).toEqual([{ row: 0, column: '', code: 'file_too_many_rows' }]);
	});

	it('takes columns in any order and ignores empty rows while still counting them', () => {
		const result = parse('rating,statement,item_code\n\nnot_in_place,First,P1.T.1\n,,\nbad,Second,P1.T.2\n');
		expect(result).toEqual({ ok: false, issues: [{ row: 5, column: 'rating', code: 'rating_unknown' }] });
	});

	it('reports unbalanced quotes with their row', () => {
		const issues = issuesOf('item_code,statement\nP1.F.1,fine\nP1.F.2,"never closed\n');
		expect(issues).toContainEqual({ row: 3, column: '', code: 'row_malformed' });
	});

	it('refuses more evidence items per finding than a finding can hold', () => {
		const extra = Array.from({ length: EVIDENCE_MAX_PER_FINDING }, (_, i) => `,,story,Story ${i}`);
		const issues = issuesOf(['item_code,statement,evidence_kind,evidence_text', 'P1.F.1,x,story,First', ...extra].join('\n'));
		expect(issues).toEqual([{ row: EVIDENCE_MAX_PER_FINDING + 2, column: 'evidence_kind', code: 'evidence_too_many' }]);
	});

	it('takes back the apostrophe the export puts before cells that spreadsheets would run as formulas', () => {
		const result = parse("item_code,statement\nP1.F.1,'-5% fewer complaints\n");
		expect(result.ok && result.findings[0]!.finding.statement).toBe('-5% fewer complaints');
	});
});
