/**
 * Casting a ballot. The participant comes from their cookie (never from the request body), the
 * vote must be open and belong to their workshop, their role group must be among those who answer
 * (when the vote names them), the value is checked against the vote's rules,
 * and the ballot is written in one upsert on the unique (activity, item, participant) index, so
 * concurrent requests can change a ballot but never make a second one.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ballot, participant as participantTable } from '../db/schema';
import { newId } from '../ids';
import { checkBallot, type BallotInput, type BallotIssue } from '../../shared/vote-rules';
import { readVote, type VoteView } from './read';
import { VoteError } from './vote-error';

export class BallotError extends Error {
	constructor(readonly code: BallotIssue) {
		super(code);
		this.name = 'BallotError';
	}
}

export interface Voter {
	id: string;
	workshopId: string;
}

/** Whether a participant of this role group may answer: everyone unless the vote names who answers. */
export function mayAnswer(vote: Pick<VoteView, 'answerGroups'>, roleGroup: string): boolean {
	return vote.answerGroups.length === 0 || vote.answerGroups.includes(roleGroup);
}

/** Stores (or changes) the voter's ballot; throws VoteError or BallotError and changes nothing. */
export async function castBallot(db: Db, voter: Voter, activityId: string, input: BallotInput, now = Date.now()): Promise<{ itemKey: string }> {
	return db.transaction(async (tx) => {
		const [me] = await tx
			.select({ roleGroup: participantTable.roleGroup })
			.from(participantTable)
			.where(and(eq(participantTable.id, voter.id), eq(participantTable.workshopId, voter.workshopId), isNull(participantTable.removedAt)))
			.limit(1);
		if (!me) throw new VoteError('not_found');
		const vote = await readVote(tx, voter.workshopId, activityId);
		if (!vote) throw new VoteError('not_found');
		if (vote.status !== 'open') throw new VoteError('not_open');
		if (!mayAnswer(vote, me.roleGroup)) throw new VoteError('not_eligible');
		const checked = checkBallot({ kind: vote.kind, itemIds: vote.items.map((i) => i.id), budget: vote.budget, cap: vote.cap }, input);
		if (!checked.ok) throw new BallotError(checked.issue);
		const value = JSON.stringify(checked.value);
		await tx
			.insert(ballot)
			.values({ id: newId(), activityId, participantId: voter.id, itemKey: checked.itemKey, value, reason: checked.reason, roleGroup: me.roleGroup, createdAt: now, updatedAt: now })
			.onConflictDoUpdate({
				target: [ballot.activityId, ballot.itemKey, ballot.participantId],
				set: { value, reason: checked.reason, roleGroup: me.roleGroup, updatedAt: now }
			});
		return { itemKey: checked.itemKey };
	});
}
