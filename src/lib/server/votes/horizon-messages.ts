/** Translated messages for refused horizon changes. */
import { m } from '../../paraglide/messages';
import type { HorizonErrorCode } from './horizon-error';

const MESSAGES: Record<HorizonErrorCode, () => string> = {
	not_grid: m.prioritise_error_not_grid,
	not_ready: m.prioritise_error_not_ready,
	bad_horizon: m.prioritise_error_bad_horizon,
	bad_action_point: m.prioritise_error_bad_action_point,
	gone: m.prioritise_error_gone,
	no_suggestions: m.prioritise_error_no_suggestions,
	not_confirmed: m.prioritise_error_not_confirmed,
	no_live: m.prioritise_error_no_live
};

export const horizonErrorMessage = (code: HorizonErrorCode): string => MESSAGES[code]();
