/** Words for the impact and effort grid and for horizons, on every screen. */
import { m } from '$lib/paraglide/messages';
import type { GridQuadrant } from '$lib/shared/horizon-suggestion';

const LEVELS: Record<number, () => string> = { 1: m.prioritise_level_low, 2: m.prioritise_level_medium, 3: m.prioritise_level_high };
const QUADRANTS: Record<GridQuadrant, () => string> = {
	quick_win: m.prioritise_quadrant_quick_win,
	strategic: m.prioritise_quadrant_strategic,
	fill_in: m.prioritise_quadrant_fill_in,
	reconsider: m.prioritise_quadrant_reconsider
};
const HORIZONS: Record<string, () => string> = {
	quick_win: m.prioritise_horizon_quick_win,
	strategic: m.prioritise_horizon_strategic,
	'': m.prioritise_horizon_none
};

/** Low, medium or high. */
export const levelLabel = (level: number): string => LEVELS[level]?.() ?? String(level);
export const quadrantLabel = (quadrant: GridQuadrant): string => QUADRANTS[quadrant]();
/** Quick win, long-term strategic objective, or no horizon (''). */
export const horizonLabel = (horizon: string): string => (HORIZONS[horizon] ?? HORIZONS[''])!();
