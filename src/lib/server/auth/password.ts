/**
 * Password hashing with scrypt from node:crypto (no native dependency to build).
 * Stored as `scrypt$N$r$p$salt$hash` (salt and hash base64) so the cost can be raised later
 * without breaking existing hashes: verification reads the parameters from the string.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, which it rejects. */
const MAX_MEM = 128 * 1024 * 1024;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(password, salt, keyLength, { ...options, maxmem: MAX_MEM }, (error, key) => {
			if (error) reject(error);
			else resolve(key);
		});
	});
}

/** The same password typed on different keyboards can differ in Unicode form; hash one form. */
function normalise(password: string): string {
	return password.normalize('NFKC');
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(normalise(password), salt, KEY_BYTES, COST);
	return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
	N: number;
	r: number;
	p: number;
	salt: Buffer;
	key: Buffer;
}

function parse(encoded: string): Parsed | null {
	const parts = encoded.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	const valid = (n: number) => Number.isInteger(n) && n > 0;
	if (!valid(N) || !valid(r) || !valid(p) || (N & (N - 1)) !== 0 || p > 16) return null;
	// Refuse parameters from a damaged hash that would burn more memory than we allow.
	if (128 * N * r > MAX_MEM) return null;
	const salt = Buffer.from(parts[4] ?? '', 'base64');
	const key = Buffer.from(parts[5] ?? '', 'base64');
	if (salt.length < 8 || key.length < 16) return null;
	return { N, r, p, salt, key };
}

/**
 * True when `password` matches `encoded`. A malformed hash verifies as false (and is not an
 * exception) so a damaged row cannot crash sign-in; the caller sees a failed attempt.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
	const parsed = parse(encoded);
	if (!parsed) return false;
	const key = await derive(normalise(password), parsed.salt, parsed.key.length, parsed);
	return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same time as a real verification, for sign-in attempts on unknown emails,
 * so response time does not reveal which addresses have accounts.
 */
export async function dummyVerify(password: string): Promise<false> {
	dummy ??= hashPassword('dummy password that no account has');
	await verifyPassword(password, await dummy);
	return false;
}
