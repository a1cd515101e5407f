import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dummyVerify, hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/lib/shared/account-rules';

describe('hashing a password', () => {
	it('produces scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key', async () => {
		const encoded = await hashPassword('correct horse battery');
		const [scheme, N, r, p, salt, key] = encoded.split('$');
		expect(scheme).toBe('scrypt');
		expect(Number(N)).toBeGreaterThanOrEqual(2 ** 14);
		expect([Number(r), Number(p)]).toEqual([8, 1]);
		expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
		expect(Buffer.from(key ?? '', 'base64').length).toBeGreaterThanOrEqual(32);
	});

	it('uses a fresh salt each time, so equal passwords give different hashes', async () => {
		expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
	});

	it('never contains the password', async () => {
		expect(await hashPassword('visible-secret-123')).not.toContain('visible-secret-123');
	});
});

describe('verifying a password', () => {
	it('accepts the right password and rejects a wrong one', async () => {
		const encoded = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
		expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
		expect(await verifyPassword('', encoded)).toBe(false);
	});

	it('treats composed and decomposed accents as the same password', async () => {
		const composed = 'caf\u00e9 au lait 2024';
		const decomposed = 'cafe\u0301 au lait 2024';
		expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
	});

	it('reads the cost from the stored hash, so older cheaper hashes still verify', async () => {
		const salt = Buffer.alloc(16, 7);
		const key = scryptSync('an older password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
		const encoded = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
		expect(await verifyPassword('an older password', encoded)).toBe(true);
	});

	it('returns false instead of throwing for malformed or absurd stored hashes', async () => {
		const salt = Buffer.alloc(16).toString('base64');
		const key = Buffer.alloc(32).toString('base64');
		for (const bad of [
			'',
			'not a hash',
			`bcrypt$16384$8$1$${salt}$${key}`,
			`scrypt$1000$8$1$${salt}$${key}`,
			`scrypt$${2 ** 30}$8$1$${salt}$${key}`,
			`scrypt$16384$8$1$$${key}`,
			`scrypt$16384$8$1$${salt}$`
		]) {
			expect(await verifyPassword('whatever password', bad)).toBe(false);
		}
	});

	it('offers a dummy verification for unknown accounts that always fails', async () => {
		expect(await dummyVerify('dummy password that no account has')).toBe(false);
	});
});

describe('password rules', () => {
	it(`require ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, () => {
		expect(checkPassword('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('password_too_short');
		expect(checkPassword('a'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
		expect(checkPassword('a'.repeat(PASSWORD_MAX_LENGTH))).toBeNull();
		expect(checkPassword('a'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('password_too_long');
	});

	it('count characters as people see them, so ten emoji are ten characters', () => {
		expect(checkPassword('🔑'.repeat(10))).toBeNull();
		expect(checkPassword('🔑'.repeat(9))).toBe('password_too_short');
	});
});
