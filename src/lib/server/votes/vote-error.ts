/** A refused vote request, as a code the routes translate. Nothing was changed. */
export type VoteErrorCode =
	| 'not_found'
	| 'not_open'
	| 'not_draft'
	| 'no_items'
	| 'not_closed'
	| 'not_validation'
	| 'bad_outcome'
	| 'no_cycle'
	| 'bad_finding'
	| 'bad_action_point'
	| 'bad_group'
	| 'bad_cycle'
	| 'proposal_required'
	| 'proposal_too_long'
	/** The participant's role group is not among those who answer this vote. */
	| 'not_eligible';

export class VoteError extends Error {
	constructor(readonly code: VoteErrorCode) {
		super(code);
		this.name = 'VoteError';
	}
}
