/** A refused request to set action points' horizons from a grid vote, as a code the routes translate. Nothing was changed. */
export type HorizonErrorCode =
	/** The vote is not an impact and effort grid. */
	| 'not_grid'
	/** Results are neither revealed nor is the vote closed. */
	| 'not_ready'
	/** Not quick_win, strategic or '' (no horizon). */
	| 'bad_horizon'
	/** No item of this vote stands for that action point. */
	| 'bad_action_point'
	/** The action point was removed from the workshop's drafts. */
	| 'gone'
	/** No action point has a suggestion to apply. */
	| 'no_suggestions'
	/** "Apply all" was not confirmed. */
	| 'not_confirmed'
	/** No live sync server runs in this process, so the drafts cannot be changed. */
	| 'no_live';

export class HorizonError extends Error {
	constructor(readonly code: HorizonErrorCode) {
		super(code);
		this.name = 'HorizonError';
	}
}
