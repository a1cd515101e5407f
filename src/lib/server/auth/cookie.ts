/** Setting and clearing the session cookie: HttpOnly, SameSite=Lax, Secure under https. */
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** Sets the session cookie to expire with the session. */
export function setSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string, expiresAt: number): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

/** Clears the session cookie (sign-out, unknown or expired token). */
export function deleteSessionCookie(event: Pick<RequestEvent, 'cookies'>): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
