/** Setting and clearing a participant's cookie: one per workshop, HttpOnly, SameSite=Lax, Secure under https. */
import type { RequestEvent } from '@sveltejs/kit';
import { PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_LIFETIME_MS } from './participants';

/** Keeps this device joined to the workshop for 30 days. */
export function setParticipantCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, workshopId: string, token: string): void {
	event.cookies.set(PARTICIPANT_COOKIE(workshopId), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: PARTICIPANT_COOKIE_LIFETIME_MS / 1000
	});
}

/** Forgets the workshop on this device (leaving, or a token that no longer works). */
export function deleteParticipantCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, workshopId: string): void {
	event.cookies.delete(PARTICIPANT_COOKIE(workshopId), { path: '/', secure: event.url.protocol === 'https:' });
}

/** The participant token this request carries for the workshop, if any. */
export function participantToken(event: Pick<RequestEvent, 'cookies'>, workshopId: string): string | null {
	return event.cookies.get(PARTICIPANT_COOKIE(workshopId)) ?? null;
}
