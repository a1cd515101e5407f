import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from './temp-db';
import { session as sessionTable } from '../../src/lib/server/db/schema';
import { insertUser } from '../../src/lib/server/users';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	readCookie,
	sessionIdOf,
	validateSessionToken
} from '../../src/lib/server/auth/session';

const DAY = 24 * 60 * 60 * 1000;
let t: TempDb;
let userId: string;

beforeEach(async () => {
	t = tempDb();
	// Sessions do not care how the password was hashed; skip scrypt to keep the tests fast.
	userId = (await insertUser(t.db, { email: 'ana@example.org', displayName: 'Ana', passwordHash: 'not-a-hash' })).id;
});
afterEach(async () => await t.dispose());

describe('session tokens', () => {
	it('are 32 base32 characters, which carry 160 bits of randomness', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(token.length * 5).toBeGreaterThanOrEqual(120);
	});

	it('do not repeat across many generations', () => {
		const tokens = new Set(Array.from({ length: 5000 }, () => generateSessionToken()));
		expect(tokens.size).toBe(5000);
	});
});

describe('creating a session', () => {
	it('stores only the SHA-256 of the token, never the token itself', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		const rows = t.sqlite.prepare('select * from session').all();
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(token);
		const expected = createHash('sha256').update(token).digest('hex');
		expect((rows[0] as { id: string }).id).toBe(expected);
		expect(sessionIdOf(token)).toBe(expected);
	});

	it('expires thirty days after creation', async () => {
		const now = 1_700_000_000_000;
		const record = await createSession(t.db, generateSessionToken(), userId, now);
		expect(record.expiresAt).toBe(now + SESSION_LIFETIME_MS);
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
	});
});

describe('validating a session token', () => {
	const start = 1_700_000_000_000;

	it('returns the user and does not renew during the first half of the lifetime', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId, start);
		const result = await validateSessionToken(t.db, token, start + 10 * DAY);
		expect(result?.user).toEqual({ id: userId, email: 'ana@example.org', displayName: 'Ana', locale: 'en' });
		expect(result?.renewed).toBe(false);
		expect(result?.session.expiresAt).toBe(start + SESSION_LIFETIME_MS);
	});

	it('slides the expiry forward when used in the second half of the lifetime', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId, start);
		const later = start + 20 * DAY;
		const result = await validateSessionToken(t.db, token, later);
		expect(result?.renewed).toBe(true);
		expect(result?.session.expiresAt).toBe(later + SESSION_LIFETIME_MS);
		const [stored] = await t.db.select().from(sessionTable).where(eq(sessionTable.id, sessionIdOf(token))).limit(1);
		expect(stored?.expiresAt).toBe(later + SESSION_LIFETIME_MS);
	});

	it('rejects an expired session and deletes its row', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId, start);
		expect(await validateSessionToken(t.db, token, start + SESSION_LIFETIME_MS)).toBeNull();
		expect(await t.db.select().from(sessionTable)).toHaveLength(0);
	});

	it('rejects unknown and malformed tokens', async () => {
		expect(await validateSessionToken(t.db, generateSessionToken())).toBeNull();
		expect(await validateSessionToken(t.db, '')).toBeNull();
		expect(await validateSessionToken(t.db, "' or 1=1 --")).toBeNull();
	});

	it('rejects a session whose user was deleted', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		t.sqlite.prepare('delete from user where id = ?').run(userId);
		expect(await validateSessionToken(t.db, token)).toBeNull();
	});
});

describe('invalidating sessions', () => {
	it('ends one session and leaves the others', async () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		await createSession(t.db, a, userId);
		await createSession(t.db, b, userId);
		await invalidateSession(t.db, sessionIdOf(a));
		expect(await validateSessionToken(t.db, a)).toBeNull();
		expect(await validateSessionToken(t.db, b)).not.toBeNull();
	});

	it('ends every session of one user and no one else’s', async () => {
		const otherId = (await insertUser(t.db, { email: 'bo@example.org', displayName: 'Bo', passwordHash: 'x' })).id;
		const mine = [generateSessionToken(), generateSessionToken()];
		const theirs = generateSessionToken();
		for (const token of mine) await createSession(t.db, token, userId);
		await createSession(t.db, theirs, otherId);
		await invalidateUserSessions(t.db, userId);
		for (const token of mine) expect(await validateSessionToken(t.db, token)).toBeNull();
		expect(await validateSessionToken(t.db, theirs)).not.toBeNull();
	});
});

describe('reading the session cookie from a raw header', () => {
	it('finds the named cookie among others', () => {
		expect(readCookie('a=1; rb_session=abc; b=2', 'rb_session')).toBe('abc');
	});

	it('returns null when the cookie is missing, the header is empty or the value is badly encoded', () => {
		expect(readCookie('a=1', 'rb_session')).toBeNull();
		expect(readCookie(undefined, 'rb_session')).toBeNull();
		expect(readCookie('rb_session=%E0%A4%A', 'rb_session')).toBeNull();
	});
});
