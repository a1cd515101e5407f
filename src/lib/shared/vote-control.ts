/** The `votes` root of the control document: what every screen may know about each vote. */
import type * as Y from 'yjs';
import { isVoteKind, type VoteKind, type VoteStatus } from './vote-rules';
import type { VoteResults } from './vote-results';

export const VOTES_ROOT = 'votes';

export interface PublishedVote {
	kind: VoteKind;
	status: VoteStatus;
	revealed: boolean;
	/**
	 * `plain`, on a finding's item: the plain-language explanation of the framework item the finding
	 * is on (never from an internal-only item), shown to participants who turn on plain language.
	 */
	items: { id: string; text: string; findingId?: string; actionPointId?: string; plain?: string }[];
	budget: number;
	cap: number;
	/** Role groups whose answers count (validation of action points); empty means everyone. */
	answerGroups?: string[];
	/** The activity's anonymity (named, role_group, anonymous): what a participant may be attributed by. */
	anonymity?: string;
	/** How many people voted. */
	ballots: number;
	/** Only once the facilitator revealed them. */
	results?: VoteResults;
}

/** The published vote of one activity, or null when the server has not published one. */
export function readPublishedVote(doc: Y.Doc, activityId: string): PublishedVote | null {
	const value = doc.getMap(VOTES_ROOT).get(activityId) as Partial<PublishedVote> | undefined;
	if (!value || !isVoteKind(value.kind) || !Array.isArray(value.items)) return null;
	return value as PublishedVote;
}
