import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from './temp-db';
import { joinFixture, addWorkshop, type JoinFixture } from './join-fixture';
import { JoinError } from '../../src/lib/server/join-error';
import { RateLimiter } from '../../src/lib/server/auth/rate-limit';
import { lookupJoinCode, WRONG_CODES_PER_IP } from '../../src/lib/server/join-code-limits';
import {
	ensureJoinCredentials,
	findWorkshopForJoin,
	formatShortCode,
	newShortCode,
	normaliseShortCode,
	rotateJoinLink,
	setJoiningOpen,
	SHORT_CODE_ALPHABET
} from '../../src/lib/server/join-credentials';

let t: TempDb;
let f: JoinFixture;

beforeEach(async () => {
	t = tempDb();
	f = await joinFixture(t.db);
});
afterEach(async () => await t.dispose());

async function codeOf(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (error) {
		if (error instanceof JoinError) return error.code;
		throw error;
	}
	throw new Error('expected a JoinError');
}

describe('join credentials', () => {
	it('gives a workshop a 160-bit token and an 8-character code, once', async () => {
		const first = await ensureJoinCredentials(t.db, f.workshopId);
		// 32 base32 characters carry 160 bits, well above the 120 the design asks for.
		expect(first.joinToken).toMatch(/^[a-z2-7]{32}$/);
		expect(first.shortCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
		expect(await ensureJoinCredentials(t.db, f.workshopId)).toEqual(first);
	});

	it('gives two simultaneous first uses the same token and code', async () => {
		const [a, b] = await Promise.all([ensureJoinCredentials(t.db, f.workshopId), ensureJoinCredentials(t.db, f.workshopId)]);
		expect(a).toEqual(b);
		expect(await ensureJoinCredentials(t.db, f.workshopId)).toEqual(a);
	});

	it('draws codes from an alphabet without look-alike characters, and they differ', () => {
		expect(SHORT_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
		const codes = new Set(Array.from({ length: 2000 }, () => newShortCode()));
		expect(codes.size).toBe(2000);
		for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
	});

	it('gives different workshops different tokens and codes', async () => {
		const other = await addWorkshop(t.db, f.organisationId);
		const a = await ensureJoinCredentials(t.db, f.workshopId);
		const b = await ensureJoinCredentials(t.db, other);
		expect(a.joinToken).not.toBe(b.joinToken);
		expect(a.shortCode).not.toBe(b.shortCode);
	});

	it('finds the workshop by token, and by code whatever its case, spaces and dashes', async () => {
		const { joinToken, shortCode } = await ensureJoinCredentials(t.db, f.workshopId);
		expect((await findWorkshopForJoin(t.db, { token: joinToken }))?.id).toBe(f.workshopId);
		const typed = [shortCode, shortCode.toLowerCase(), ` ${formatShortCode(shortCode)} `, `${shortCode.slice(0, 4)}-${shortCode.slice(4).toLowerCase()}`];
		for (const code of typed) expect((await findWorkshopForJoin(t.db, { code }))?.id, code).toBe(f.workshopId);
		expect(normaliseShortCode(' ab-cd efgh ')).toBe('ABCDEFGH');
	});

	it('finds nothing for unknown, malformed or empty tokens and codes', async () => {
		await ensureJoinCredentials(t.db, f.workshopId);
		for (const token of ['', 'x', 'a'.repeat(32), `${'a'.repeat(31)}!`]) expect(await findWorkshopForJoin(t.db, { token })).toBeNull();
		for (const code of ['', 'ABC', 'ABCDEFGHJ', 'ZZZZZZZZ']) expect(await findWorkshopForJoin(t.db, { code })).toBeNull();
	});

	it('returns the role groups of the workshop, or the default list when it has none', async () => {
		const { joinToken } = await ensureJoinCredentials(t.db, f.workshopId);
		expect((await findWorkshopForJoin(t.db, { token: joinToken }))?.roleGroups).toEqual(['Civil servant', 'Civil society']);
		const bare = await addWorkshop(t.db, f.organisationId, []);
		const found = await findWorkshopForJoin(t.db, { token: (await ensureJoinCredentials(t.db, bare)).joinToken });
		expect(found?.roleGroups.length).toBeGreaterThan(1);
	});

	it('rotating replaces both token and code, and the old ones stop working', async () => {
		const old = await ensureJoinCredentials(t.db, f.workshopId);
		const fresh = await rotateJoinLink(t.db, f.facilitator, f.workshopId);
		expect(fresh.joinToken).not.toBe(old.joinToken);
		expect(fresh.shortCode).not.toBe(old.shortCode);
		expect(await findWorkshopForJoin(t.db, { token: old.joinToken })).toBeNull();
		expect(await findWorkshopForJoin(t.db, { code: old.shortCode })).toBeNull();
		expect((await findWorkshopForJoin(t.db, { token: fresh.joinToken }))?.id).toBe(f.workshopId);
		expect((await findWorkshopForJoin(t.db, { code: fresh.shortCode }))?.id).toBe(f.workshopId);
		expect(await ensureJoinCredentials(t.db, f.workshopId)).toEqual(fresh);
		const audited = t.sqlite.prepare("select actor_user_id from audit_event where action = 'workshop.join_rotate'").all();
		expect(audited).toEqual([{ actor_user_id: f.facilitator }]);
	});

	it('lets owners and facilitators close and reopen joining', async () => {
		const { joinToken } = await ensureJoinCredentials(t.db, f.workshopId);
		await setJoiningOpen(t.db, f.owner, f.workshopId, false);
		expect((await findWorkshopForJoin(t.db, { token: joinToken }))?.joiningOpen).toBe(false);
		await setJoiningOpen(t.db, f.facilitator, f.workshopId, true);
		expect((await findWorkshopForJoin(t.db, { token: joinToken }))?.joiningOpen).toBe(true);
	});

	it('refuses members and outsiders to rotate or close, and changes nothing', async () => {
		const before = await ensureJoinCredentials(t.db, f.workshopId);
		for (const who of [f.member, f.outsider]) {
			expect(await codeOf(() => rotateJoinLink(t.db, who, f.workshopId))).toBe('forbidden');
			expect(await codeOf(() => setJoiningOpen(t.db, who, f.workshopId, false))).toBe('forbidden');
		}
		expect(await ensureJoinCredentials(t.db, f.workshopId)).toEqual(before);
		expect((await findWorkshopForJoin(t.db, { token: before.joinToken }))?.joiningOpen).toBe(true);
	});
});

describe('typing codes', () => {
	it('refuses an address after 10 wrong codes in 10 minutes, even with the right code, until the window ends', async () => {
		let now = 1_000_000;
		const limiter = new RateLimiter(WRONG_CODES_PER_IP, () => now);
		const { shortCode, joinToken } = await ensureJoinCredentials(t.db, f.workshopId);
		expect(await lookupJoinCode(t.db, limiter, '10.0.0.1', shortCode)).toEqual({ kind: 'found', workshopId: f.workshopId, joinToken });
		for (let i = 0; i < 10; i++) expect((await lookupJoinCode(t.db, limiter, '10.0.0.1', 'ZZZZZZZZ')).kind).toBe('not_found');
		const limited = await lookupJoinCode(t.db, limiter, '10.0.0.1', shortCode);
		expect(limited.kind).toBe('rate_limited');
		expect(limited.kind === 'rate_limited' && limited.retryAfterSeconds).toBe(600);
		expect((await lookupJoinCode(t.db, limiter, '10.0.0.2', shortCode)).kind).toBe('found');
		now += 10 * 60_000;
		expect((await lookupJoinCode(t.db, limiter, '10.0.0.1', shortCode)).kind).toBe('found');
	});

	it('counts wrong codes typed in parallel as well: no more than 10 are looked up', async () => {
		const limiter = new RateLimiter(WRONG_CODES_PER_IP, () => 1_000_000);
		const results = await Promise.all(Array.from({ length: 30 }, () => lookupJoinCode(t.db, limiter, '10.0.0.1', 'ZZZZZZZZ')));
		expect(results.filter((r) => r.kind === 'not_found')).toHaveLength(10);
		expect(results.filter((r) => r.kind === 'rate_limited')).toHaveLength(20);
	});
});
