/**
 * Short codes carry about 40 bits, so guessing them must be slow: each client address may type
 * a limited number of wrong codes per window. Right codes do not count and do not reset the
 * count (one known code must not buy unlimited guesses at others).
 */
import type { Db } from './db/client';
import { RateLimiter } from './auth/rate-limit';
import { ensureJoinCredentials, findWorkshopForJoin } from './join-credentials';

const MINUTE = 60_000;
export const WRONG_CODES_PER_IP = { max: 10, windowMs: 10 * MINUTE } as const;

export type CodeLookup =
	| { kind: 'found'; workshopId: string; joinToken: string }
	| { kind: 'not_found' }
	| { kind: 'rate_limited'; retryAfterSeconds: number };

/** Looks a typed code up for the client at `ip`, counting wrong codes against it. */
export async function lookupJoinCode(db: Db, limiter: RateLimiter, ip: string, code: string): Promise<CodeLookup> {
	// Counted before the lookup, so that parallel guesses cannot all pass while the database
	// answers; a right code takes its hit back.
	const attempt = limiter.hit(ip);
	if (!attempt.allowed) return { kind: 'rate_limited', retryAfterSeconds: attempt.retryAfterSeconds };
	const found = await findWorkshopForJoin(db, { code });
	if (!found) return { kind: 'not_found' };
	limiter.refund(ip);
	return { kind: 'found', workshopId: found.id, joinToken: (await ensureJoinCredentials(db, found.id)).joinToken };
}

const KEY = Symbol.for('rightsboard.joinCodeLimiter');
type Holder = { [KEY]?: RateLimiter };

/** The process's limiter; on globalThis so dev reloads keep the counts. */
export function joinCodeLimiter(): RateLimiter {
	const g = globalThis as Holder;
	return (g[KEY] ??= new RateLimiter(WRONG_CODES_PER_IP));
}
