/**
 * Dates and numbers as the reader's language writes them ("31 Mar 2027", "31.03.2027", "40 %").
 * Calendar days (YYYY-MM-DD) are formatted in UTC so a day never shifts with the time zone.
 */
import { getLocale } from '$lib/paraglide/runtime';

// Building an Intl formatter is costly next to using one; tables format many cells, so keep one per language.
const days = new Map<string, Intl.DateTimeFormat>();
const percents = new Map<string, Intl.NumberFormat>();

function once<T>(cache: Map<string, T>, make: (locale: string) => T): T {
	const locale = getLocale();
	let formatter = cache.get(locale);
	if (!formatter) cache.set(locale, (formatter = make(locale)));
	return formatter;
}

/** A calendar day written YYYY-MM-DD, in the current language; anything else is returned as it is. */
export function formatDay(iso: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	const date = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return iso;
	return once(days, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** A share from 0 to 1 as a whole percentage in the current language. */
export function formatPercent(share: number): string {
	return once(percents, (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}
