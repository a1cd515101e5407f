/**
 * Validation of action points: the outcome of a closed `endorse` vote per action point, and the
 * snapshot kept with it when the point is recorded in the action register.
 *
 * Outcome, among the people who answered (only the role groups the facilitator named may answer):
 * fewer than 3 answers → `too_few_answers` (one or two people's stance would show); half or more
 * object → `not_endorsed`; otherwise more "endorse with changes" than plain "endorse" →
 * `endorsed_with_changes`; otherwise `endorsed`. Every requested change and objection is kept with
 * its reason, attributed only as its author chose and the activity allows (see `attributionOf`).
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { participant } from '../db/schema';
import { MIN_GROUP_SIZE, type Attribution, type BallotValue } from '../../shared/vote-rules';
import type { EndorseTally } from '../../shared/vote-results';
import { voteResults } from './activity-results';
import { readBallots, readWorkshopVotes, type VoteView } from './read';

export const ENDORSE_OUTCOMES = ['endorsed', 'endorsed_with_changes', 'not_endorsed', 'too_few_answers'] as const;
export type EndorseOutcome = (typeof ENDORSE_OUTCOMES)[number];
/** Outcomes that may be recorded in the register as validated. */
export const RECORDABLE_OUTCOMES: readonly EndorseOutcome[] = ['endorsed', 'endorsed_with_changes'];

export interface AttributedText {
	text: string;
	/** A name, a role-group label, or '' (anonymous). */
	attribution: string;
}

/** What the register keeps of a validation (read by the report and the public page). */
export interface ValidationSnapshot {
	outcome: EndorseOutcome;
	activityId: string;
	tallies: { group: string; label: string; voters: number | null; counts: EndorseTally['stances'] }[];
	objections: AttributedText[];
	changes: AttributedText[];
}

export function endorseOutcome(stances: EndorseTally['stances']): EndorseOutcome {
	const n = stances.endorse + stances.endorse_changes + stances.object;
	if (n < MIN_GROUP_SIZE) return 'too_few_answers';
	if (stances.object * 2 >= n) return 'not_endorsed';
	return stances.endorse_changes > stances.endorse ? 'endorsed_with_changes' : 'endorsed';
}

/**
 * How a comment is attributed: what its author chose, never more than the activity allows
 * (anonymous activity: nobody; role-group activity: at most the role group).
 */
export function attributionOf(chosen: Attribution, anonymity: string, who: { name: string | null; roleGroup: string }): string {
	if (anonymity === 'anonymous' || chosen === 'anonymous') return '';
	if (chosen === 'named' && anonymity === 'named' && who.name) return who.name;
	return who.roleGroup;
}

/** Counts for the outcome: every answer, even when the "everyone" row is hidden for privacy. */
function allStances(ballots: { value: BallotValue }[]): EndorseTally['stances'] {
	const stances = { endorse: 0, endorse_changes: 0, object: 0 };
	for (const b of ballots) if ('stance' in b.value) stances[b.value.stance]++;
	return stances;
}

/** The snapshot of every action point of one closed endorse vote, by action point id. */
export function endorseSnapshots(db: Executor, vote: VoteView): Map<string, ValidationSnapshot> {
	const out = new Map<string, ValidationSnapshot>();
	if (vote.kind !== 'endorse') return out;
	const results = voteResults(db, vote);
	const ballots = readBallots(db, vote.activityId);
	const ids = [...new Set(ballots.map((b) => b.participantId))];
	const people = new Map(
		(ids.length ? db.select({ id: participant.id, name: participant.displayName }).from(participant).where(inArray(participant.id, ids)).all() : []).map((p) => [p.id, p.name])
	);
	for (const item of results.items) {
		const point = vote.items.find((i) => i.id === item.id)?.actionPointId;
		if (!point) continue;
		const mine = ballots.filter((b) => b.itemKey === item.id);
		const comments = (stance: string) =>
			mine
				.filter((b) => 'stance' in b.value && b.value.stance === stance && b.reason)
				.map((b) => ({
					text: b.reason,
					attribution: attributionOf((b.value as { attribution: Attribution }).attribution, vote.anonymity, { name: people.get(b.participantId) ?? null, roleGroup: b.roleGroup })
				}))
				// Sorted so the order says nothing about who answered when.
				.sort((a, b) => a.text.localeCompare(b.text));
		out.set(point, {
			outcome: endorseOutcome(allStances(mine)),
			activityId: vote.activityId,
			tallies: item.groups
				.filter((g) => !g.hidden && g.tally && 'stances' in g.tally)
				.map((g) => ({ group: g.key, label: g.name, voters: g.voters, counts: (g.tally as EndorseTally).stances })),
			objections: comments('object'),
			changes: comments('endorse_changes')
		});
	}
	return out;
}

/**
 * The latest validation of each action point of a workshop: from its closed endorse votes, a later
 * activity on the agenda overriding an earlier one.
 */
export function workshopValidations(db: Executor, workshopId: string): Map<string, ValidationSnapshot> {
	const out = new Map<string, ValidationSnapshot>();
	for (const vote of readWorkshopVotes(db, workshopId)) {
		if (vote.kind !== 'endorse' || vote.status !== 'closed') continue;
		for (const [id, snapshot] of endorseSnapshots(db, vote)) out.set(id, snapshot);
	}
	return out;
}
