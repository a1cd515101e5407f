/**
 * The shape of vote results as the server computes them (src/lib/server/votes/results.ts) and
 * publishes them: in the control document once revealed, in the staff results API and export.
 * A hidden group carries no counts at all, only `hidden: true`.
 */
import type { VoteKind } from './vote-rules';

export type AgreeTally = { counts: { agree: number; disagree: number; unsure: number }; share: number };
export type PracticeTally = { mean: number | null; distribution: number[] };
export type DotsTally = { dots: number; share: number };
export type RankingTally = { borda: number; meanRank: number | null };
/** Mean impact and effort (1–3) and how many placed the item in each cell: index (impact-1)*3 + (effort-1). */
export type GridTally = { impact: number | null; effort: number | null; cells: number[] };
export type EndorseTally = { stances: { endorse: number; endorse_changes: number; object: number } };
export type Tally = AgreeTally | PracticeTally | DotsTally | RankingTally | GridTally | EndorseTally;

export type GroupScope = 'all' | 'kind' | 'role_group';

export interface GroupResult {
	/** 'all', 'kind:<kind>' or 'group:<label>'. */
	key: string;
	scope: GroupScope;
	/** The kind key (civil_servants, civil_society, other), the role-group label, or '' for all. */
	name: string;
	/** True when the group had 1 or 2 voters, or when showing it would let someone work out a hidden group. */
	hidden: boolean;
	/** Null when hidden. */
	voters: number | null;
	/** Null when hidden. */
	tally: Tally | null;
}

export interface ReasonEntry {
	text: string;
	/** The voter's role group or kind, only in activities that are not anonymous and only for a shown group. */
	group?: string;
}

export interface ReasonGroup {
	/** agree | disagree | unsure, or the score '1'…'5'. */
	answer: string;
	reasons: ReasonEntry[];
}

/** Outcome of the validation of one action point (rule: src/lib/server/votes/endorse-rule.ts). */
export const ENDORSE_OUTCOMES = ['endorsed', 'endorsed_with_changes', 'not_endorsed', 'too_few_answers'] as const;
export type EndorseOutcome = (typeof ENDORSE_OUTCOMES)[number];

export interface AttributedText {
	text: string;
	/** A name, a role-group label, or '' (anonymous). */
	attribution: string;
}

/**
 * What an endorse vote keeps of one action point: the outcome, the requested changes and the
 * objections, each attributed only as its author chose and the activity allows. With fewer than
 * 3 answers the lists are empty (a comment would tell how one or two people answered).
 */
export interface EndorsementResult {
	outcome: EndorseOutcome;
	changes: AttributedText[];
	objections: AttributedText[];
}

export interface ItemResult {
	id: string;
	text: string;
	findingId: string | null;
	/** The drafted action point this item stands for, if any. */
	actionPointId?: string | null;
	groups: GroupResult[];
	/** Civil servants and civil society (both shown) see it very differently. */
	gap: boolean;
	reasons: ReasonGroup[];
	/** Endorse votes only. */
	endorsement?: EndorsementResult;
}

export interface VoteResults {
	kind: VoteKind;
	/** People who voted in this activity; null below the minimum group size. */
	voters: number | null;
	items: ItemResult[];
}

export const KIND_KEYS = ['civil_servants', 'civil_society', 'other'] as const;
