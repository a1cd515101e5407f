/**
 * The rule of a validation of action points (an `endorse` vote), kept pure so the results, the
 * published control document and the register all apply the same one.
 *
 * Outcome, among the people who answered (only the role groups the facilitator named may answer):
 * fewer than 3 answers → `too_few_answers` (one or two people's stance would show); half or more
 * object → `not_endorsed`; otherwise more "endorse with changes" than plain "endorse" →
 * `endorsed_with_changes`; otherwise `endorsed`. Every requested change and objection is kept with
 * its reason, attributed only as its author chose and the activity allows (see `attributionOf`).
 */
import { MIN_GROUP_SIZE, type Attribution } from '../../shared/vote-rules';
import type { EndorseOutcome, EndorseTally, EndorsementResult } from '../../shared/vote-results';
import type { CountedBallot } from './tallies';

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
export function allStances(ballots: readonly { value: CountedBallot['value'] }[]): EndorseTally['stances'] {
	const stances = { endorse: 0, endorse_changes: 0, object: 0 };
	for (const b of ballots) if ('stance' in b.value) stances[b.value.stance]++;
	return stances;
}

/**
 * The outcome and the kept comments of one action point, from its ballots. `nameOf` gives a
 * participant's name (asked only in named activities). Below 3 answers no comment is kept.
 */
export function endorsementOf(ballots: readonly CountedBallot[], anonymity: string, nameOf: (participantId: string) => string | null): EndorsementResult {
	const outcome = endorseOutcome(allStances(ballots));
	if (outcome === 'too_few_answers') return { outcome, changes: [], objections: [] };
	const comments = (stance: string) =>
		ballots
			.filter((b) => 'stance' in b.value && b.value.stance === stance && b.reason)
			.map((b) => {
				const chosen = (b.value as { attribution: Attribution }).attribution;
				const name = chosen === 'named' && anonymity === 'named' ? nameOf(b.participantId) : null;
				return { text: b.reason, attribution: attributionOf(chosen, anonymity, { name, roleGroup: b.roleGroup }) };
			})
			// Sorted so the order says nothing about who answered when.
			.sort((a, b) => a.text.localeCompare(b.text) || a.attribution.localeCompare(b.attribution));
	return { outcome, changes: comments('endorse_changes'), objections: comments('object') };
}
