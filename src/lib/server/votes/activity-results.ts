/** The results of one vote activity from the database, with the workshop's role-group kinds. */
import type { Executor } from '../db/executor';
import { roleGroupKind, workshopRoleGroupKinds } from '../role-group-kinds';
import type { VoteResults } from '../../shared/vote-results';
import { computeResults } from './results';
import { readBallots, type VoteView } from './read';

export function voteResults(db: Executor, vote: VoteView): VoteResults {
	const overrides = workshopRoleGroupKinds(db, vote.workshopId);
	return computeResults({
		kind: vote.kind,
		items: vote.items,
		ballots: readBallots(db, vote.activityId),
		kindOf: (label) => roleGroupKind(label, overrides),
		shownGroups: vote.shownGroups,
		anonymous: vote.anonymity === 'anonymous'
	});
}
