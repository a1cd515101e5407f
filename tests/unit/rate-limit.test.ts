import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/lib/server/auth/rate-limit';
import {
	SIGNIN_FAILURES_PER_EMAIL,
	SIGNIN_PER_IP,
	SigninLimits,
	minutesToWait
} from '../../src/lib/server/auth/signin-limits';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('RateLimiter', () => {
	it('allows max hits per window, then refuses with the seconds left in the window', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ max: 3, windowMs: 60_000 }, clock.now);
		expect([1, 2, 3].map(() => limiter.hit('k').allowed)).toEqual([true, true, true]);
		clock.advance(15_000);
		const refused = limiter.hit('k');
		expect(refused.allowed).toBe(false);
		expect(refused.remaining).toBe(0);
		expect(refused.retryAfterSeconds).toBe(45);
	});

	it('allows again once the window has passed', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ max: 1, windowMs: 60_000 }, clock.now);
		limiter.hit('k');
		expect(limiter.hit('k').allowed).toBe(false);
		clock.advance(60_000);
		expect(limiter.hit('k').allowed).toBe(true);
	});

	it('checks without counting a hit', () => {
		const limiter = new RateLimiter({ max: 2, windowMs: 60_000 }, fakeClock().now);
		for (let i = 0; i < 10; i++) expect(limiter.check('k').allowed).toBe(true);
		limiter.hit('k');
		limiter.hit('k');
		expect(limiter.check('k')).toMatchObject({ allowed: false, remaining: 0 });
	});

	it('counts each key on its own', () => {
		const limiter = new RateLimiter({ max: 1, windowMs: 60_000 }, fakeClock().now);
		limiter.hit('a');
		expect(limiter.hit('a').allowed).toBe(false);
		expect(limiter.hit('b').allowed).toBe(true);
	});

	it('forgets a key on reset', () => {
		const limiter = new RateLimiter({ max: 1, windowMs: 60_000 }, fakeClock().now);
		limiter.hit('k');
		limiter.reset('k');
		expect(limiter.hit('k').allowed).toBe(true);
	});

	it('takes back one hit on refund, within the window only', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ max: 2, windowMs: 60_000 }, clock.now);
		limiter.hit('k');
		limiter.hit('k');
		limiter.refund('k');
		expect(limiter.hit('k')).toMatchObject({ allowed: true, remaining: 0 });
		expect(limiter.hit('k').allowed).toBe(false);
		limiter.refund('other');
		expect(limiter.check('other')).toMatchObject({ allowed: true, remaining: 2 });
		clock.advance(60_000);
		limiter.refund('k');
		expect(limiter.check('k')).toMatchObject({ allowed: true, remaining: 2 });
	});

	it('prunes expired keys', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ max: 5, windowMs: 1_000 }, clock.now);
		for (let i = 0; i < 50; i++) limiter.hit(`k${i}`);
		clock.advance(1_000);
		limiter.prune();
		expect(limiter.size).toBe(0);
	});

	it('keeps memory bounded under a flood of distinct keys', () => {
		const limiter = new RateLimiter({ max: 5, windowMs: 60_000, maxKeys: 100 }, fakeClock().now);
		for (let i = 0; i < 10_000; i++) limiter.hit(`ip-${i}`);
		expect(limiter.size).toBeLessThanOrEqual(100);
		expect(limiter.hit('ip-9999')).toMatchObject({ allowed: true, remaining: 3 });
	});

	it('refuses nonsense limits at construction', () => {
		expect(() => new RateLimiter({ max: 0, windowMs: 1000 })).toThrow(/max/);
		expect(() => new RateLimiter({ max: 1, windowMs: 0 })).toThrow(/windowMs/);
	});
});

describe('sign-in limits', () => {
	it(`lock an account after ${SIGNIN_FAILURES_PER_EMAIL.max} failures, even from different addresses`, () => {
		const limits = new SigninLimits(fakeClock().now);
		for (let i = 0; i < SIGNIN_FAILURES_PER_EMAIL.max; i++) {
			expect(limits.beginSignin(`10.0.0.${i}`, 'ana@example.org')).toBeNull();
			limits.endSignin('ana@example.org', false);
		}
		const wait = limits.beginSignin('10.0.1.1', 'ana@example.org');
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(SIGNIN_FAILURES_PER_EMAIL.windowMs / 1000);
		expect(limits.beginSignin('10.0.1.1', 'bo@example.org')).toBeNull();
	});

	it('clear an account’s failures when it signs in successfully', () => {
		const limits = new SigninLimits(fakeClock().now);
		for (let i = 0; i < SIGNIN_FAILURES_PER_EMAIL.max - 1; i++) limits.endSignin('ana@example.org', false);
		limits.endSignin('ana@example.org', true);
		for (let i = 0; i < SIGNIN_FAILURES_PER_EMAIL.max - 1; i++) limits.endSignin('ana@example.org', false);
		expect(limits.beginSignin('10.0.0.1', 'ana@example.org')).toBeNull();
	});

	it(`limit one address to ${SIGNIN_PER_IP.max} attempts across any accounts`, () => {
		const limits = new SigninLimits(fakeClock().now);
		for (let i = 0; i < SIGNIN_PER_IP.max; i++) expect(limits.beginSignin('10.0.0.1', `u${i}@example.org`)).toBeNull();
		expect(limits.beginSignin('10.0.0.1', 'new@example.org')).toBeGreaterThan(0);
		expect(limits.beginSignin('10.0.0.2', 'new@example.org')).toBeNull();
	});

	it('let the account try again after the window', () => {
		const clock = fakeClock();
		const limits = new SigninLimits(clock.now);
		for (let i = 0; i < SIGNIN_FAILURES_PER_EMAIL.max; i++) limits.endSignin('ana@example.org', false);
		expect(limits.beginSignin('10.0.0.1', 'ana@example.org')).not.toBeNull();
		clock.advance(SIGNIN_FAILURES_PER_EMAIL.windowMs);
		expect(limits.beginSignin('10.0.0.1', 'ana@example.org')).toBeNull();
	});

	it('express the wait in whole minutes, at least one', () => {
		expect(minutesToWait(1)).toBe(1);
		expect(minutesToWait(60)).toBe(1);
		expect(minutesToWait(61)).toBe(2);
		expect(minutesToWait(900)).toBe(15);
	});
});
