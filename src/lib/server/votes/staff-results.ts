/** What facilitators see of a vote before and after reveal: the same suppression as everywhere. */
import type { Db } from '../db/client';
import type { VoteResults } from '../../shared/vote-results';
import { voteResults } from './activity-results';
import { voterCount, type VoteView } from './read';
import { proposalCount } from './proposals';
import { isValidationRound, recordedOutcomes, suggestedOutcome, type Outcome } from './validation';

export interface StaffVoteResults {
	activityId: string;
	title: string;
	kind: VoteView['kind'];
	status: VoteView['status'];
	revealed: boolean;
	anonymity: string;
	ballots: number;
	results: VoteResults;
	proposals: number;
	validation: { suggested: Record<string, Outcome | null>; recorded: Record<string, Outcome> } | null;
}

export async function staffResults(db: Db, vote: VoteView): Promise<StaffVoteResults> {
	const results = await voteResults(db, vote);
	const validation = isValidationRound(vote)
		? {
				suggested: Object.fromEntries(results.items.map((i) => [i.findingId!, suggestedOutcome(i)])),
				recorded: await recordedOutcomes(db, vote.workshopId, vote.activityId)
			}
		: null;
	return {
		activityId: vote.activityId,
		title: vote.title,
		kind: vote.kind,
		status: vote.status,
		revealed: vote.revealed,
		anonymity: vote.anonymity,
		ballots: await voterCount(db, vote.activityId),
		results,
		proposals: await proposalCount(db, vote.workshopId, vote.cycleId),
		validation
	};
}
