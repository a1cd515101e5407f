/**
 * Facilitators' commands on a vote: open, close, reopen, reveal and hide results. Checked on the
 * server (role, activity of this workshop, state), then published to every screen.
 */
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { voteSetup } from '../db/schema';
import { requirePreparer } from '../workshop-access';
import { publishWorkshop } from '../live/publish';
import { readVote, type VoteView } from './read';
import { VoteError } from './vote-error';

export const VOTE_COMMANDS = ['open', 'close', 'reopen', 'reveal', 'hide'] as const;
export type VoteCommand = (typeof VOTE_COMMANDS)[number];

export function isVoteCommand(value: unknown): value is VoteCommand {
	return typeof value === 'string' && (VOTE_COMMANDS as readonly string[]).includes(value);
}

/** Writes the setup row (creating it with the current values when it does not exist yet). */
export async function saveSetupRow(tx: Executor, vote: VoteView, change: Partial<typeof voteSetup.$inferInsert>, now = Date.now()): Promise<void> {
	const row = {
		activityId: vote.activityId,
		kind: vote.kind,
		budget: vote.budget,
		cap: vote.cap,
		cycleId: vote.cycleId,
		status: vote.status,
		revealed: vote.revealed,
		shownGroups: JSON.stringify(vote.shownGroups),
		answerGroups: JSON.stringify(vote.answerGroups),
		...change,
		updatedAt: now
	};
	await tx.insert(voteSetup).values(row).onConflictDoUpdate({ target: voteSetup.activityId, set: row });
}

/** A vote of this workshop the user may run, or a thrown error. */
export async function requireRunnableVote(db: Executor, userId: string, workshopId: string, activityId: string): Promise<VoteView> {
	await requirePreparer(db, userId, workshopId);
	const vote = await readVote(db, workshopId, activityId);
	if (!vote) throw new VoteError('not_found');
	return vote;
}

export async function runVoteCommand(db: Db, userId: string, workshopId: string, activityId: string, command: VoteCommand): Promise<VoteView> {
	await db.transaction(async (tx) => {
		const vote = await requireRunnableVote(tx, userId, workshopId, activityId);
		switch (command) {
			case 'open':
			case 'reopen':
				if (vote.status === 'open') return;
				if (command === 'open' && vote.status !== 'draft') throw new VoteError('not_draft');
				if (command === 'reopen' && vote.status !== 'closed') throw new VoteError('not_closed');
				if (vote.items.length === 0) throw new VoteError('no_items');
				return saveSetupRow(tx, vote, { status: 'open' });
			case 'close':
				if (vote.status !== 'open') throw new VoteError('not_open');
				return saveSetupRow(tx, vote, { status: 'closed' });
			case 'reveal':
			case 'hide':
				return saveSetupRow(tx, vote, { revealed: command === 'reveal' });
		}
	});
	await publishWorkshop(db, workshopId);
	return (await readVote(db, workshopId, activityId))!;
}
