/**
 * Validation of action points: the outcome of a closed `endorse` vote per action point, and the
 * snapshot kept with it when the point is recorded in the action register. The rule itself is in
 * endorse-rule.ts; the results carry it (`ItemResult.endorsement`), so every screen and the
 * register agree.
 */
import type { Executor } from '../db/executor';
import type { AttributedText, EndorseOutcome, EndorseTally } from '../../shared/vote-results';
import { voteResults } from './activity-results';
import { readWorkshopVotes, type VoteView } from './read';


/** Outcomes that may be recorded in the register as validated. */
export const RECORDABLE_OUTCOMES: readonly EndorseOutcome[] = ['endorsed', 'endorsed_with_changes'];

/** What the register keeps of a validation (read by the report and the public page). */
export interface ValidationSnapshot {
	outcome: EndorseOutcome;
	activityId: string;
	tallies: { group: string; label: string; voters: number | null; counts: EndorseTally['stances'] }[];
	objections: AttributedText[];
	changes: AttributedText[];
}

/** The snapshot of every action point of one closed endorse vote, by action point id. */
export async function endorseSnapshots(db: Executor, vote: VoteView): Promise<Map<string, ValidationSnapshot>> {
	const out = new Map<string, ValidationSnapshot>();
	if (vote.kind !== 'endorse') return out;
	for (const item of (await voteResults(db, vote)).items) {
		if (!item.actionPointId || !item.endorsement) continue;
		out.set(item.actionPointId, {
			outcome: item.endorsement.outcome,
			activityId: vote.activityId,
			tallies: item.groups
				.filter((g) => !g.hidden && g.tally && 'stances' in g.tally)
				.map((g) => ({ group: g.key, label: g.name, voters: g.voters, counts: (g.tally as EndorseTally).stances })),
			objections: item.endorsement.objections,
			changes: item.endorsement.changes
		});
	}
	return out;
}

/**
 * The latest validation of each action point of a workshop: from its closed endorse votes, a later
 * activity on the agenda overriding an earlier one.
 */
export async function workshopValidations(db: Executor, workshopId: string): Promise<Map<string, ValidationSnapshot>> {
	const out = new Map<string, ValidationSnapshot>();
	for (const vote of await readWorkshopVotes(db, workshopId)) {
		if (vote.kind !== 'endorse' || vote.status !== 'closed') continue;
		for (const [id, snapshot] of await endorseSnapshots(db, vote)) out.set(id, snapshot);
	}
	return out;
}
