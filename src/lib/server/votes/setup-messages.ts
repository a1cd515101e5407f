/** Translated messages for the vote setup form's field issues. */
import { m } from '../../paraglide/messages';

const MESSAGES: Record<string, () => string> = {
	bad_kind: m.votes_setup_error_kind,
	bad_budget: m.votes_setup_error_budget,
	bad_cap: m.votes_setup_error_cap,
	cap_over_budget: m.votes_setup_error_cap_over_budget,
	statement_required: m.votes_setup_error_statement_required,
	statement_too_long: m.votes_setup_error_statement_too_long,
	too_many_items: m.votes_setup_error_too_many_items
};

export const setupIssueMessage = (code: string): string => (MESSAGES[code] ?? m.votes_setup_error_summary)();
