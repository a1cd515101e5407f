/**
 * Sorting action points into quick wins and long-term strategic objectives from an impact and
 * effort grid vote (see docs/votes.md). The grid is split at the middle level (2, "medium") on both
 * axes: the means of the group "everyone" decide the quadrant, and the quadrant the suggestion.
 * Pure: used by the results chart, the console and the server that applies the suggestions.
 */
import type { Horizon } from './action-rules';
import type { GridTally, ItemResult } from './vote-results';

/** Mean impact from this level up counts as high impact. */
export const HIGH_IMPACT_FROM = 2;
/** Mean effort from this level up counts as high effort; below it, low effort. */
export const HIGH_EFFORT_FROM = 2;

/**
 * quick_win: high impact, low effort. strategic: high impact, high effort. fill_in: low impact,
 * low effort. reconsider: low impact, high effort.
 */
export const GRID_QUADRANTS = ['quick_win', 'strategic', 'fill_in', 'reconsider'] as const;
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

type Means = Pick<GridTally, 'impact' | 'effort'>;

/** The quadrant of a tally's means; null when nobody placed the item (or it is hidden). */
export function gridQuadrant(tally: Means | null | undefined): GridQuadrant | null {
	if (!tally || tally.impact === null || tally.effort === null) return null;
	const highImpact = tally.impact >= HIGH_IMPACT_FROM - 1e-9;
	const highEffort = tally.effort >= HIGH_EFFORT_FROM - 1e-9;
	if (highImpact) return highEffort ? 'strategic' : 'quick_win';
	return highEffort ? 'reconsider' : 'fill_in';
}

/**
 * The suggested horizon: mean impact ≥ 2 and mean effort < 2 → quick win; mean impact ≥ 2 and
 * mean effort ≥ 2 → strategic; otherwise null ("not a priority", or nothing to go on).
 */
export function suggestHorizon(tally: Means | null | undefined): Horizon | null {
	const quadrant = gridQuadrant(tally);
	return quadrant === 'quick_win' || quadrant === 'strategic' ? quadrant : null;
}

/** The tally of the group "everyone" for one item, when it is shown and somebody answered; else null. */
export function overallGridTally(item: Pick<ItemResult, 'groups'>): GridTally | null {
	const all = item.groups.find((g) => g.key === 'all');
	if (!all || all.hidden || !all.voters || !all.tally || !('cells' in all.tally)) return null;
	return all.tally;
}

/** One action point of a grid vote as facilitators see it when setting horizons (built on the server). */
export interface HorizonRow {
	itemId: string;
	/** The item's number on the chart (its place in the vote, from 1). */
	number: number;
	actionPointId: string;
	/** The point's title in the drafts now (the item's text when it has none or is gone). */
	text: string;
	quadrant: GridQuadrant | null;
	suggested: Horizon | null;
	/** The horizon in the drafts now; '' when none. */
	current: Horizon | '';
	/** The point is no longer in the drafts. */
	missing: boolean;
}
