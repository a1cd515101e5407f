/**
 * Turns issue codes of frameworks, framework files and cycles into translated messages for the
 * pages. Apart from the domain modules, which also run outside Paraglide (tests, demo, CLI).
 */
import { m } from '$lib/paraglide/messages';
import type { InputError } from '../input-error';
import type { FrameworkJsonIssue } from '$lib/shared/framework-json';
import { CYCLE_NAME_MAX, CYCLE_PURPOSE_MAX, RATING_LABEL_MAX, RATING_OPTIONS_MAX, RATING_OPTIONS_MIN } from '$lib/shared/cycle-rules';

type Messages = Record<string, () => string>;

const ISSUES: Messages = {
	not_json: () => m.frameworks_issue_not_json(),
	format_invalid: () => m.frameworks_issue_format_invalid(),
	version_unsupported: () => m.frameworks_issue_version_unsupported(),
	name_required: () => m.frameworks_issue_name_required(),
	name_too_long: () => m.frameworks_issue_name_too_long(),
	description_too_long: () => m.frameworks_issue_description_too_long(),
	type_invalid: () => m.frameworks_issue_type_invalid(),
	nodes_required: () => m.frameworks_issue_nodes_required(),
	nodes_too_many: () => m.frameworks_issue_nodes_too_many(),
	node_invalid: () => m.frameworks_issue_node_invalid(),
	code_required: () => m.frameworks_issue_code_required(),
	code_invalid: () => m.frameworks_issue_code_invalid(),
	code_duplicate: () => m.frameworks_issue_code_duplicate(),
	code_taken: () => m.frameworks_issue_code_taken(),
	kind_invalid: () => m.frameworks_issue_kind_invalid(),
	parent_not_allowed: () => m.frameworks_issue_parent_not_allowed(),
	parent_required: () => m.frameworks_issue_parent_required(),
	parent_unknown: () => m.frameworks_issue_parent_unknown(),
	parent_kind_invalid: () => m.frameworks_issue_parent_kind_invalid(),
	parent_invalid: () => m.frameworks_issue_parent_invalid(),
	text_required: () => m.frameworks_issue_text_required(),
	text_too_long: () => m.frameworks_issue_text_too_long(),
	explanation_too_long: () => m.frameworks_issue_explanation_too_long(),
	flag_invalid: () => m.frameworks_issue_flag_invalid(),
	node_not_added: () => m.frameworks_issue_node_not_added(),
	node_has_children: () => m.frameworks_issue_node_has_children(),
	node_in_use: () => m.frameworks_issue_node_in_use()
};

const CYCLE: Messages = {
	name_required: () => m.frameworks_cycle_error_name_required(),
	name_too_long: () => m.frameworks_cycle_error_name_too_long({ max: CYCLE_NAME_MAX }),
	date_invalid: () => m.frameworks_cycle_error_date_invalid(),
	end_before_start: () => m.frameworks_cycle_error_end_before_start(),
	purpose_too_long: () => m.frameworks_cycle_error_purpose_too_long({ max: CYCLE_PURPOSE_MAX }),
	framework_required: () => m.frameworks_cycle_error_framework_required(),
	framework_unknown: () => m.frameworks_cycle_error_framework_unknown(),
	framework_locked: () => m.frameworks_cycle_error_framework_locked(),
	scale_invalid: () => m.frameworks_cycle_error_scale_invalid(),
	scale_too_few: () => m.frameworks_cycle_error_scale_too_few({ min: RATING_OPTIONS_MIN }),
	scale_too_many: () => m.frameworks_cycle_error_scale_too_many({ max: RATING_OPTIONS_MAX }),
	scale_label_too_long: () => m.frameworks_cycle_error_scale_label_too_long({ max: RATING_LABEL_MAX }),
	scale_duplicate: () => m.frameworks_cycle_error_scale_duplicate(),
	scale_in_use: () => m.frameworks_cycle_error_scale_in_use()
};

function translate(error: InputError, messages: Messages): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(error.issues)) out[field] = (messages[code] ?? m.frameworks_error_unexpected)();
	return out;
}

/** One message per node field (or `node` for the node as a whole) with a problem. */
export function nodeFieldErrors(error: InputError): Record<string, string> {
	return translate(error, ISSUES);
}

/** One message per cycle field with a problem. */
export function cycleFieldErrors(error: InputError): Record<string, string> {
	return translate(error, CYCLE);
}

/** One line per problem of an imported file, naming the node (1-based) and field. */
export function importIssueLines(issues: FrameworkJsonIssue[]): string[] {
	return issues.map((i) => {
		const problem = (ISSUES[i.issue] ?? m.frameworks_error_unexpected)();
		if (i.index === null) return m.frameworks_import_issue_file({ field: i.field, problem });
		const number = i.index + 1;
		return i.code ? m.frameworks_import_issue_node({ number, code: i.code, field: i.field, problem }) : m.frameworks_import_issue_node_nocode({ number, field: i.field, problem });
	});
}
