/**
 * The interface language chosen by a person: kept in Paraglide's own cookie, so every later request
 * (and the browser's runtime) renders in it and `<html lang>` follows. Readable by scripts on
 * purpose: Paraglide's client reads it; it holds only a language tag.
 */
import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale, type Locale } from '../paraglide/runtime';

export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
}

/** The tag when it is one of the app's languages, else null. */
export function chosenLocale(value: unknown): Locale | null {
	return typeof value === 'string' && isLocale(value) ? value : null;
}
