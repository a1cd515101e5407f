/** A cycle's period as one line of text. */
import { m } from '$lib/paraglide/messages';

export function periodText(start: string | null, end: string | null): string {
	if (start && end) return m.frameworks_cycle_period({ start, end });
	if (start) return m.frameworks_cycle_period_from({ start });
	if (end) return m.frameworks_cycle_period_until({ end });
	return m.frameworks_cycle_no_period();
}
