/**
 * Turns the findings issue codes (forms and CSV import) into translated messages. Apart from the
 * domain modules, which also run in tests without Paraglide's request context.
 */
import { m } from '$lib/paraglide/messages';
import type { InputError } from '../input-error';
import {
	CONFIDENCE_KEYS,
	EFFECT_KEYS,
	EVIDENCE_FIELD_MAX,
	EVIDENCE_KINDS,
	EVIDENCE_MAX_PER_FINDING,
	EVIDENCE_TEXT_MAX,
	EVIDENCE_URL_MAX,
	FINDING_STATUSES,
	PRESENCE_KEYS,
	STATEMENT_MAX
} from '$lib/shared/finding-rules';
import { CSV_MAX_ROWS, type CsvIssue } from './csv-format';

type Messages = Record<string, () => string>;

const FORM: Messages = {
	statement_missing: () => m.findings_error_statement_missing(),
	statement_too_long: () => m.findings_error_statement_too_long({ max: STATEMENT_MAX }),
	rating_unknown: () => m.findings_error_rating_unknown(),
	on_paper_unknown: () => m.findings_error_choice_unknown(),
	in_practice_unknown: () => m.findings_error_choice_unknown(),
	effect_unknown: () => m.findings_error_choice_unknown(),
	confidence_unknown: () => m.findings_error_choice_unknown(),
	item_unknown: () => m.findings_error_item_unknown(),
	status_not_allowed: () => m.findings_error_status_not_allowed(),
	finding_not_found: () => m.findings_error_finding_not_found(),
	evidence_not_found: () => m.findings_error_evidence_not_found(),
	evidence_too_many: () => m.findings_error_evidence_too_many({ max: EVIDENCE_MAX_PER_FINDING }),
	kind_unknown: () => m.findings_error_kind_unknown(),
	text_missing: () => m.findings_error_text_missing(),
	text_too_long: () => m.findings_error_text_too_long({ max: EVIDENCE_TEXT_MAX }),
	source_missing: () => m.findings_error_source_missing(),
	url_missing: () => m.findings_error_url_missing(),
	url_invalid: () => m.findings_error_url_invalid(),
	too_long: () => m.findings_error_too_long({ max: EVIDENCE_FIELD_MAX }),
	proposal_not_found: () => m.findings_error_proposal_not_found(),
	proposal_decided: () => m.findings_error_proposal_decided()
};

/** Field → translated message for an InputError from the findings module. */
export function findingFieldErrors(error: InputError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(error.issues)) {
		out[field] = field === 'url' && code === 'too_long' ? m.findings_error_too_long({ max: EVIDENCE_URL_MAX }) : (FORM[code] ?? m.findings_error_unexpected)();
	}
	return out;
}

/** The first message of an InputError, for actions that show one message rather than fields. */
export function firstFindingError(error: InputError): string {
	return Object.values(findingFieldErrors(error))[0] ?? m.findings_error_unexpected();
}

const keys = (list: readonly string[]) => list.join(', ');

/** One CSV problem as text; `ratingKeys` are the cycle's scale keys. */
export function csvIssueMessage(issue: CsvIssue, ratingKeys: readonly string[]): string {
	const messages: Messages = {
		column_unknown: m.findings_csv_column_unknown,
		column_duplicate: m.findings_csv_column_duplicate,
		column_missing: m.findings_csv_column_missing,
		file_too_large: m.findings_csv_file_too_large,
		file_empty: m.findings_csv_file_empty,
		file_no_rows: m.findings_csv_file_no_rows,
		file_too_many_rows: () => m.findings_csv_file_too_many_rows({ max: CSV_MAX_ROWS }),
		row_malformed: m.findings_csv_row_malformed,
		row_too_many_fields: m.findings_csv_row_too_many_fields,
		item_code_missing: m.findings_csv_item_code_missing,
		item_code_unknown: m.findings_csv_item_code_unknown,
		statement_missing: m.findings_csv_statement_missing,
		statement_too_long: () => m.findings_csv_statement_too_long({ max: STATEMENT_MAX }),
		rating_unknown: () => m.findings_csv_rating_unknown({ keys: keys(ratingKeys) }),
		on_paper_unknown: () => m.findings_csv_on_paper_unknown({ keys: keys(PRESENCE_KEYS) }),
		in_practice_unknown: () => m.findings_csv_in_practice_unknown({ keys: keys(PRESENCE_KEYS) }),
		effect_unknown: () => m.findings_csv_effect_unknown({ keys: keys(EFFECT_KEYS) }),
		confidence_unknown: () => m.findings_csv_confidence_unknown({ keys: keys(CONFIDENCE_KEYS) }),
		status_unknown: () => m.findings_csv_status_unknown({ keys: keys(FINDING_STATUSES) }),
		continuation_has_finding_fields: m.findings_csv_continuation_has_finding_fields,
		evidence_kind_missing: m.findings_csv_evidence_kind_missing,
		evidence_kind_unknown: () => m.findings_csv_evidence_kind_unknown({ keys: keys(EVIDENCE_KINDS) }),
		evidence_text_missing: m.findings_csv_evidence_text_missing,
		evidence_text_too_long: () => m.findings_csv_evidence_text_too_long({ max: EVIDENCE_TEXT_MAX }),
		evidence_source_missing: m.findings_csv_evidence_source_missing,
		evidence_url_missing: m.findings_csv_evidence_url_missing,
		evidence_url_invalid: m.findings_csv_evidence_url_invalid,
		evidence_too_many: () => m.findings_csv_evidence_too_many({ max: EVIDENCE_MAX_PER_FINDING }),
		evidence_too_long: () => m.findings_csv_evidence_too_long({ max: issue.column === 'evidence_url' ? EVIDENCE_URL_MAX : EVIDENCE_FIELD_MAX })
	};
	return (messages[issue.code] ?? m.findings_csv_unknown_problem)();
}
