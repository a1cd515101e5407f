/** The results of one vote activity from the database, with the workshop's role-group kinds. */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { participant } from '../db/schema';
import { roleGroupKind, workshopRoleGroupKinds } from '../role-group-kinds';
import type { VoteResults } from '../../shared/vote-results';
import { computeResults } from './results';
import { endorsementOf } from './endorse-rule';
import { readBallots, type VoteView } from './read';
import type { CountedBallot } from './tallies';

export async function voteResults(db: Executor, vote: VoteView): Promise<VoteResults> {
	const overrides = await workshopRoleGroupKinds(db, vote.workshopId);
	const ballots = await readBallots(db, vote.activityId);
	const results = computeResults({
		kind: vote.kind,
		items: vote.items,
		ballots,
		kindOf: (label) => roleGroupKind(label, overrides),
		shownGroups: vote.shownGroups,
		anonymous: vote.anonymity === 'anonymous'
	});
	if (vote.kind === 'endorse') await withEndorsements(db, vote, results, ballots);
	return results;
}

/** Adds each action point's outcome and kept comments; names are read only in named activities. */
async function withEndorsements(db: Executor, vote: VoteView, results: VoteResults, ballots: CountedBallot[]): Promise<void> {
	const names = new Map<string, string>();
	if (vote.anonymity === 'named') {
		const named = ballots.filter((b) => 'attribution' in b.value && b.value.attribution === 'named' && b.reason).map((b) => b.participantId);
		const ids = [...new Set(named)];
		if (ids.length) {
			for (const p of await db.select({ id: participant.id, name: participant.displayName }).from(participant).where(inArray(participant.id, ids))) if (p.name) names.set(p.id, p.name);
		}
	}
	for (const item of results.items) {
		item.endorsement = endorsementOf(
			ballots.filter((b) => b.itemKey === item.id),
			vote.anonymity,
			(id) => names.get(id) ?? null
		);
	}
}
