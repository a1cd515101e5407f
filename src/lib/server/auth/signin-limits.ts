/**
 * The limits on guessing passwords and creating accounts. Every sign-in attempt counts against
 * the client address; only failures count against the account, so its owner is not locked out
 * by their own successful sign-ins, and a success clears the account's count.
 */
import { RateLimiter } from './rate-limit';

const MINUTE = 60_000;

export const SIGNIN_PER_IP = { max: 20, windowMs: 15 * MINUTE } as const;
export const SIGNIN_FAILURES_PER_EMAIL = { max: 5, windowMs: 15 * MINUTE } as const;
export const SIGNUP_PER_IP = { max: 10, windowMs: 60 * MINUTE } as const;

/** The process's limiters; a class so tests can build their own with a fake clock. */
export class SigninLimits {
	readonly perIp: RateLimiter;
	readonly failuresPerEmail: RateLimiter;
	readonly signupPerIp: RateLimiter;

	constructor(now: () => number = Date.now) {
		this.perIp = new RateLimiter(SIGNIN_PER_IP, now);
		this.failuresPerEmail = new RateLimiter(SIGNIN_FAILURES_PER_EMAIL, now);
		this.signupPerIp = new RateLimiter(SIGNUP_PER_IP, now);
	}

	/**
	 * Counts a sign-in attempt; returns the seconds to wait when it must be refused, else null.
	 * Checked before the password so a refused attempt costs no hashing.
	 */
	beginSignin(ip: string, email: string): number | null {
		const account = this.failuresPerEmail.check(email);
		const address = this.perIp.hit(ip);
		if (!address.allowed) return address.retryAfterSeconds;
		if (!account.allowed) return account.retryAfterSeconds;
		return null;
	}

	/** Records the outcome of a sign-in attempt that was allowed to proceed. */
	endSignin(email: string, success: boolean): void {
		if (success) this.failuresPerEmail.reset(email);
		else this.failuresPerEmail.hit(email);
	}

	/** Counts an account creation from `ip`; returns seconds to wait when refused, else null. */
	beginSignup(ip: string): number | null {
		const result = this.signupPerIp.hit(ip);
		return result.allowed ? null : result.retryAfterSeconds;
	}
}

const KEY = Symbol.for('rightsboard.signinLimits');
type Holder = { [KEY]?: SigninLimits };

/**
 * The shared limiters. On globalThis so that dev reloads of this module keep the counts
 * (otherwise editing any file would hand an attacker a fresh budget).
 */
export function signinLimits(): SigninLimits {
	const g = globalThis as Holder;
	return (g[KEY] ??= new SigninLimits());
}

/** Whole minutes to wait, for messages ("try again in 3 minutes"); at least 1. */
export function minutesToWait(retryAfterSeconds: number): number {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
