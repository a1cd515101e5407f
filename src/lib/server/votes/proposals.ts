/**
 * Participants' proposals during a vote on findings: a new finding, or a change to one of the
 * findings voted on. Stored for staff to review, with the proposer's role group (none in an
 * anonymous activity, where not even staff learn the group) and never a name.
 */
import { and, count, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { finding, findingProposal, participant as participantTable } from '../db/schema';
import { newId } from '../ids';
import { REASON_MAX, STATEMENT_MAX } from '../../shared/vote-rules';
import { readVote } from './read';
import { VoteError } from './vote-error';
import type { Voter } from './ballots';

export interface ProposalInput {
	findingId?: unknown;
	statement?: unknown;
	reason?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function submitProposal(db: Db, voter: Voter, activityId: string, input: ProposalInput, now = Date.now()): Promise<string> {
	return db.transaction(async (tx) => {
		const [me] = await tx.select({ roleGroup: participantTable.roleGroup, removedAt: participantTable.removedAt }).from(participantTable).where(eq(participantTable.id, voter.id)).limit(1);
		const vote = await readVote(tx, voter.workshopId, activityId);
		if (!me || me.removedAt !== null || !vote) throw new VoteError('not_found');
		if (!vote.cycleId) throw new VoteError('no_cycle');
		if (vote.status === 'draft') throw new VoteError('not_open');
		const statement = text(input.statement);
		const reason = text(input.reason);
		if (!statement) throw new VoteError('proposal_required');
		if (statement.length > STATEMENT_MAX || reason.length > REASON_MAX) throw new VoteError('proposal_too_long');
		let findingId: string | null = null;
		let nodeId: string | null = null;
		if (input.findingId !== undefined && input.findingId !== null && input.findingId !== '') {
			const item = vote.items.find((i) => i.findingId !== null && i.findingId === input.findingId);
			if (!item) throw new VoteError('bad_finding');
			findingId = item.findingId;
			nodeId = (await tx.select({ nodeId: finding.nodeId }).from(finding).where(eq(finding.id, item.findingId!)).limit(1))[0]?.nodeId ?? null;
		}
		const id = newId();
		// Insertion order within the cycle: one more than the newest proposal's.
		const seq = ((await tx.select({ seq: max(findingProposal.seq) }).from(findingProposal).where(eq(findingProposal.cycleId, vote.cycleId)))[0]?.seq ?? 0) + 1;
		await tx
			.insert(findingProposal)
			.values({ id, workshopId: voter.workshopId, cycleId: vote.cycleId, findingId, nodeId, participantId: voter.id, roleGroup: vote.anonymity === 'anonymous' ? '' : me.roleGroup, statement, reason, seq, createdAt: now });
		return id;
	});
}

/** How many proposals came in during this workshop for the vote's cycle. */
export async function proposalCount(db: Db, workshopId: string, cycleId: string | null): Promise<number> {
	if (!cycleId) return 0;
	return (await db.select({ n: count() }).from(findingProposal).where(and(eq(findingProposal.workshopId, workshopId), eq(findingProposal.cycleId, cycleId))))[0]?.n ?? 0;
}
