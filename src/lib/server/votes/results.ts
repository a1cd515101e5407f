/**
 * Vote results by role group, with small groups hidden (see suppression.ts), paper-versus-
 * practice gaps flagged, and reasons without names. Pure: the database is read elsewhere.
 */
import type { VoteKind } from '../../shared/vote-rules';
import { ballotPerItem, MIN_GROUP_SIZE } from '../../shared/vote-rules';
import { KIND_KEYS, type GroupResult, type ItemResult, type ReasonGroup, type VoteResults } from '../../shared/vote-results';
import { hiddenGroups } from './suppression';
import { isGap, tally, type CountedBallot } from './tallies';

export interface ResultsInput {
	kind: VoteKind;
	items: readonly { id: string; text: string; findingId: string | null; actionPointId?: string | null }[];
	ballots: readonly CountedBallot[];
	/** The kind of a role-group label. */
	kindOf: (roleGroup: string) => string;
	/** Declared role groups shown beside the kinds. */
	shownGroups: readonly string[];
	/** Anonymous activities never say which group a reason came from. */
	anonymous: boolean;
}

interface GroupDef {
	key: string;
	scope: GroupResult['scope'];
	name: string;
	member: (b: CountedBallot) => boolean;
}

function groupDefs(input: ResultsInput): GroupDef[] {
	return [
		{ key: 'all', scope: 'all', name: '', member: () => true },
		...KIND_KEYS.map((k): GroupDef => ({ key: `kind:${k}`, scope: 'kind', name: k, member: (b) => input.kindOf(b.roleGroup) === k })),
		...input.shownGroups.map((g): GroupDef => ({ key: `group:${g}`, scope: 'role_group', name: g, member: (b) => b.roleGroup === g }))
	];
}

const ANSWERS: Record<string, string[]> = { agree: ['agree', 'disagree', 'unsure'], practice: ['1', '2', '3', '4', '5'] };

function answerOf(b: CountedBallot): string {
	if ('choice' in b.value) return b.value.choice;
	if ('score' in b.value) return String(b.value.score);
	return '';
}

/**
 * Reasons grouped by answer, without names; the group only where it is shown and allowed. When the
 * hidden kinds hold only 1 or 2 people (the total is hidden instead), their reasons are left out:
 * counted against the shown sides' answers, they would tell how those few voted.
 */
function reasonsOf(input: ResultsInput, ballots: readonly CountedBallot[], hidden: Set<string>): ReasonGroup[] {
	const answers = ANSWERS[input.kind];
	if (!answers || ballots.length < MIN_GROUP_SIZE) return [];
	const fewHidden = hidden.has('all');
	const speaks = (b: CountedBallot) => !(fewHidden && hidden.has(`kind:${input.kindOf(b.roleGroup)}`));
	return answers
		.map((answer) => ({
			answer,
			reasons: ballots
				.filter((b) => b.reason && answerOf(b) === answer && speaks(b))
				.map((b) => {
					if (input.anonymous) return { text: b.reason };
					if (input.shownGroups.includes(b.roleGroup) && !hidden.has(`group:${b.roleGroup}`)) return { text: b.reason, group: b.roleGroup };
					const kind = input.kindOf(b.roleGroup);
					return hidden.has(`kind:${kind}`) ? { text: b.reason } : { text: b.reason, group: kind };
				})
				// Sorted so the order says nothing about who voted when.
				.sort((a, b) => a.text.localeCompare(b.text))
		}))
		.filter((g) => g.reasons.length > 0);
}

function itemResult(input: ResultsInput, defs: GroupDef[], item: ResultsInput['items'][number]): ItemResult {
	const ballots = ballotPerItem(input.kind) ? input.ballots.filter((b) => b.itemKey === item.id) : input.ballots.filter((b) => b.itemKey === '');
	const members = new Map(defs.map((d) => [d.key, ballots.filter(d.member)]));
	const count = (key: string) => members.get(key)?.length ?? 0;
	const hidden = hiddenGroups({
		all: count('all'),
		kinds: Object.fromEntries(KIND_KEYS.map((k) => [k, count(`kind:${k}`)])),
		roleGroups: input.shownGroups.map((g) => ({ label: g, kind: input.kindOf(g), voters: count(`group:${g}`) }))
	});
	const groups: GroupResult[] = defs.map((d) =>
		hidden.has(d.key)
			? { key: d.key, scope: d.scope, name: d.name, hidden: true, voters: null, tally: null }
			: { key: d.key, scope: d.scope, name: d.name, hidden: false, voters: count(d.key), tally: tally(input.kind, members.get(d.key) ?? [], item.id, input.items.length) }
	);
	const servants = groups.find((g) => g.key === 'kind:civil_servants');
	const society = groups.find((g) => g.key === 'kind:civil_society');
	const gap = !!(servants?.tally && society?.tally && servants.voters && society.voters && isGap(input.kind, servants.tally, society.tally, input.items.length));
	const reasons = reasonsOf(input, ballots, hidden);
	return { id: item.id, text: item.text, findingId: item.findingId, actionPointId: item.actionPointId ?? null, groups, gap, reasons };
}

/** Results of one vote activity. */
export function computeResults(input: ResultsInput): VoteResults {
	const defs = groupDefs(input);
	const voters = new Set(input.ballots.map((b) => b.participantId)).size;
	return {
		kind: input.kind,
		voters: voters >= MIN_GROUP_SIZE ? voters : null,
		items: input.items.map((item) => itemResult(input, defs, item))
	};
}
