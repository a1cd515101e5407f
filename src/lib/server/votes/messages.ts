/** Translated messages for refused vote requests. */
import { m } from '../../paraglide/messages';
import type { BallotIssue } from '../../shared/vote-rules';
import type { VoteErrorCode } from './vote-error';

const VOTE_ERRORS: Record<VoteErrorCode, () => string> = {
	not_found: m.votes_error_not_found,
	not_open: m.votes_error_not_open,
	not_draft: m.votes_error_not_draft,
	no_items: m.votes_error_no_items,
	not_closed: m.votes_error_not_closed,
	not_validation: m.votes_error_not_validation,
	bad_outcome: m.votes_error_bad_outcome,
	no_cycle: m.votes_error_no_cycle,
	bad_finding: m.votes_error_bad_finding,
	bad_action_point: m.validation_error_bad_action_point,
	bad_group: m.votes_error_bad_group,
	bad_cycle: m.votes_error_bad_cycle,
	proposal_required: m.votes_error_proposal_required,
	proposal_too_long: m.votes_error_proposal_too_long,
	not_eligible: m.validation_error_not_eligible
};

const BALLOT_ERRORS: Record<BallotIssue, () => string> = {
	unknown_item: m.votes_error_unknown_item,
	bad_choice: m.votes_error_bad_choice,
	bad_score: m.votes_error_bad_score,
	bad_dots: m.votes_error_bad_dots,
	over_budget: m.votes_error_over_budget,
	over_cap: m.votes_error_over_cap,
	bad_order: m.votes_error_bad_order,
	reason_too_long: m.votes_error_reason_too_long,
	reason_not_allowed: m.votes_error_reason_not_allowed,
	bad_level: m.prioritise_error_bad_level,
	bad_stance: m.validation_error_bad_stance,
	reason_required: m.validation_error_reason_required,
	bad_attribution: m.validation_error_bad_attribution
};

export const voteErrorMessage = (code: VoteErrorCode): string => VOTE_ERRORS[code]();
export const ballotErrorMessage = (code: BallotIssue): string => BALLOT_ERRORS[code]();
