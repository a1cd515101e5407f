/** A cycle's period as one line of text. */
import { m } from '$lib/paraglide/messages';
import { formatDay } from '$lib/format';

export function periodText(start: string | null, end: string | null): string {
	if (start && end) return m.frameworks_cycle_period({ start: formatDay(start), end: formatDay(end) });
	if (start) return m.frameworks_cycle_period_from({ start: formatDay(start) });
	if (end) return m.frameworks_cycle_period_until({ end: formatDay(end) });
	return m.frameworks_cycle_no_period();
}
