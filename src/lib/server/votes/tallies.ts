/** Counting ballots of one group for one item, per kind of vote. Pure functions. */
import type { BallotValue, VoteKind } from '../../shared/vote-rules';
import type { AgreeTally, DotsTally, EndorseTally, GridTally, PracticeTally, RankingTally, Tally } from '../../shared/vote-results';

export interface CountedBallot {
	participantId: string;
	itemKey: string;
	value: BallotValue;
	reason: string;
	roleGroup: string;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function agreeTally(ballots: readonly CountedBallot[]): AgreeTally {
	const counts = { agree: 0, disagree: 0, unsure: 0 };
	for (const b of ballots) if ('choice' in b.value) counts[b.value.choice]++;
	return { counts, share: ballots.length ? round(counts.agree / ballots.length, 4) : 0 };
}

export function practiceTally(ballots: readonly CountedBallot[]): PracticeTally {
	const distribution = [0, 0, 0, 0, 0];
	let sum = 0;
	for (const b of ballots) {
		if (!('score' in b.value)) continue;
		distribution[b.value.score - 1]!++;
		sum += b.value.score;
	}
	return { mean: ballots.length ? round(sum / ballots.length) : null, distribution };
}

/** Dots on one item, and the share of the group's dots that went to it. */
export function dotsTally(ballots: readonly CountedBallot[], itemId: string): DotsTally {
	let dots = 0;
	let total = 0;
	for (const b of ballots) {
		if (!('dots' in b.value)) continue;
		dots += b.value.dots[itemId] ?? 0;
		total += Object.values(b.value.dots).reduce((s, n) => s + n, 0);
	}
	return { dots, share: total ? round(dots / total, 4) : 0 };
}

/**
 * Borda score (first of n items gets n points, the next n-1, unranked items none) and the mean
 * place among the ballots that ranked the item.
 */
export function rankingTally(ballots: readonly CountedBallot[], itemId: string, itemCount: number): RankingTally {
	let borda = 0;
	let places = 0;
	let ranked = 0;
	for (const b of ballots) {
		if (!('order' in b.value)) continue;
		const at = b.value.order.indexOf(itemId);
		if (at < 0) continue;
		borda += itemCount - at;
		places += at + 1;
		ranked++;
	}
	return { borda, meanRank: ranked ? round(places / ranked) : null };
}

/** Mean impact and effort, and the count in each of the nine cells. */
export function gridTally(ballots: readonly CountedBallot[]): GridTally {
	const cells = Array<number>(9).fill(0);
	let impact = 0;
	let effort = 0;
	let n = 0;
	for (const b of ballots) {
		if (!('impact' in b.value)) continue;
		cells[(b.value.impact - 1) * 3 + (b.value.effort - 1)]!++;
		impact += b.value.impact;
		effort += b.value.effort;
		n++;
	}
	return { impact: n ? round(impact / n) : null, effort: n ? round(effort / n) : null, cells };
}

export function endorseTally(ballots: readonly CountedBallot[]): EndorseTally {
	const stances = { endorse: 0, endorse_changes: 0, object: 0 };
	for (const b of ballots) if ('stance' in b.value) stances[b.value.stance]++;
	return { stances };
}

/** The tally of one group's ballots for one item. */
export function tally(kind: VoteKind, ballots: readonly CountedBallot[], itemId: string, itemCount: number): Tally {
	switch (kind) {
		case 'agree':
			return agreeTally(ballots);
		case 'practice':
			return practiceTally(ballots);
		case 'dots':
			return dotsTally(ballots, itemId);
		case 'ranking':
			return rankingTally(ballots, itemId, itemCount);
		case 'grid':
			return gridTally(ballots);
		case 'endorse':
			return endorseTally(ballots);
	}
}

/** Thresholds for a paper-versus-practice gap between civil servants and civil society. */
export const GAP = { agreeShare: 0.4, practiceMean: 1.5, dotsShare: 0.25, rankFraction: 1 / 3, rankMin: 2 } as const;

/** Whether two groups' tallies of one item differ strongly (see docs/votes.md). */
export function isGap(kind: VoteKind, a: Tally, b: Tally, itemCount: number): boolean {
	if (kind === 'agree' && 'share' in a && 'share' in b && 'counts' in a) return Math.abs(a.share - b.share) >= GAP.agreeShare - 1e-9;
	if (kind === 'practice' && 'mean' in a && 'mean' in b) {
		return a.mean !== null && b.mean !== null && Math.abs(a.mean - b.mean) >= GAP.practiceMean - 1e-9;
	}
	if (kind === 'dots' && 'dots' in a && 'dots' in b) return Math.abs(a.share - b.share) >= GAP.dotsShare - 1e-9;
	if (kind === 'ranking' && 'meanRank' in a && 'meanRank' in b) {
		if (a.meanRank === null || b.meanRank === null) return false;
		return Math.abs(a.meanRank - b.meanRank) >= Math.max(GAP.rankMin, itemCount * GAP.rankFraction) - 1e-9;
	}
	return false;
}
