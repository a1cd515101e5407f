/** Starting a session for a user whose identity has just been established. */
import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { createSession, generateSessionToken } from './session';
import { setSessionCookie } from './cookie';

/** Creates a session for `userId` and sets its cookie on the response. */
export async function startSession(event: Pick<RequestEvent, 'cookies' | 'url'>, db: Db, userId: string): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(event, token, session.expiresAt);
}
