/**
 * A signed-in person's language setting follows them to every device: chosen in the header's
 * language picker (stored on the account), applied when they sign in. Accounts that never chose
 * keep the stored default ('en'); for them the browser's own preference keeps deciding.
 */
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { user } from './db/schema';
import { chosenLocale, setLocaleCookie } from './locale-cookie';
import { baseLocale } from '../paraglide/runtime';

export async function applyStoredLocale(cookies: Cookies, db: Db, userId: string): Promise<void> {
	const [row] = await db.select({ locale: user.locale }).from(user).where(eq(user.id, userId)).limit(1);
	const stored = chosenLocale(row?.locale);
	if (stored && stored !== baseLocale) setLocaleCookie(cookies, stored);
}
