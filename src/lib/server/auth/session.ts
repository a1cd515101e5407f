/**
 * Sessions in the Lucia style: the client holds a random token (160 bits); the database holds
 * only its SHA-256. Sessions last 30 days and slide forward when used in their second half.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { session as sessionTable, user as userTable } from '../db/schema';
import { newToken } from '../ids';

export const SESSION_COOKIE = 'rb_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WITHIN_MS = 15 * DAY;

export interface SessionRecord {
	id: string;
	userId: string;
	expiresAt: number;
}

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: string;
}

export interface ValidSession {
	session: SessionRecord;
	user: SessionUser;
	/** True when validation extended the expiry; the cookie should be set again. */
	renewed: boolean;
}

/** A fresh session token for the cookie. */
export function generateSessionToken(): string {
	return newToken();
}

/** The stored id of a token: its SHA-256, hex. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a new session for `userId` under the hash of `token`. */
export async function createSession(db: Db, token: string, userId: string, now = Date.now()): Promise<SessionRecord> {
	const record: SessionRecord = { id: sessionIdOf(token), userId, expiresAt: now + SESSION_LIFETIME_MS };
	await db.insert(sessionTable).values({ ...record, createdAt: now });
	return record;
}

/**
 * Looks a token up; deletes it when expired; slides the expiry when past half its life.
 * No transaction around the read and the write: both writes are safe to repeat, and one that
 * loses to a concurrent sign-out changes nothing.
 */
export async function validateSessionToken(db: Db, token: string, now = Date.now()): Promise<ValidSession | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			id: sessionTable.id,
			userId: sessionTable.userId,
			expiresAt: sessionTable.expiresAt,
			email: userTable.email,
			displayName: userTable.displayName,
			locale: userTable.locale
		})
		.from(sessionTable)
		.innerJoin(userTable, eq(sessionTable.userId, userTable.id))
		.where(eq(sessionTable.id, id))
		.limit(1);
	if (!row) return null;
	if (now >= row.expiresAt) {
		await db.delete(sessionTable).where(eq(sessionTable.id, id));
		return null;
	}
	let expiresAt = row.expiresAt;
	const renewed = expiresAt - now < RENEW_WITHIN_MS;
	if (renewed) {
		expiresAt = now + SESSION_LIFETIME_MS;
		await db.update(sessionTable).set({ expiresAt }).where(eq(sessionTable.id, id));
	}
	return {
		session: { id, userId: row.userId, expiresAt },
		user: { id: row.userId, email: row.email, displayName: row.displayName, locale: row.locale },
		renewed
	};
}

/** Ends one session. */
export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessionTable).where(eq(sessionTable.id, sessionId));
}

/** Ends every session of a user (password change, account removal). */
export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(sessionTable).where(eq(sessionTable.userId, userId));
}

/** Reads one cookie from a raw Cookie header (for the sync upgrade, outside SvelteKit). */
export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eqAt = part.indexOf('=');
		if (eqAt < 0) continue;
		if (part.slice(0, eqAt).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eqAt + 1).trim());
			} catch {
				// Malformed percent-encoding cannot be a token we issued: treat it as no cookie.
				return null;
			}
		}
	}
	return null;
}
