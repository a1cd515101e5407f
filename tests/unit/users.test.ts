import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from './temp-db';
import { InputError } from '../../src/lib/server/input-error';
import { countUsers, createUser, findUserByEmail, verifyCredentials } from '../../src/lib/server/users';
import { verifyPassword } from '../../src/lib/server/auth/password';

const PASSWORD = 'a long enough password';
let t: TempDb;

beforeEach(() => {
	t = tempDb();
});
afterEach(async () => await t.dispose());

/** The issues of the InputError that `run` rejects with. */
async function issuesOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
	const error = await run().then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(InputError);
	return { ...(error as InputError).issues };
}

describe('createUser', () => {
	it('stores a trimmed, lower-cased email, a trimmed name and a scrypt hash of the password', async () => {
		const user = await createUser(t.db, { email: '  Ana@Example.ORG ', displayName: '  Ana Lima ', password: PASSWORD });
		expect(user).toMatchObject({ email: 'ana@example.org', displayName: 'Ana Lima' });
		const stored = await findUserByEmail(t.db, 'ana@example.org');
		expect(stored?.id).toBe(user.id);
		expect(stored?.passwordHash).toMatch(/^scrypt\$/);
		expect(await verifyPassword(PASSWORD, stored?.passwordHash ?? '')).toBe(true);
	});

	it('refuses a second account with the same email in any case', async () => {
		await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: PASSWORD });
		expect(await issuesOf(() => createUser(t.db, { email: 'ANA@example.org', displayName: 'Other', password: PASSWORD }))).toEqual({
			email: 'email_taken'
		});
		expect(await countUsers(t.db)).toBe(1);
	});

	it('reports every invalid field at once and stores nothing', async () => {
		expect(await issuesOf(() => createUser(t.db, { email: 'not-an-email', displayName: '   ', password: 'short' }))).toEqual({
			email: 'email_invalid',
			displayName: 'display_name_required',
			password: 'password_too_short'
		});
		expect(await countUsers(t.db)).toBe(0);
	});

	it('rejects a display name longer than 80 characters', async () => {
		expect(await issuesOf(() => createUser(t.db, { email: 'a@example.org', displayName: 'n'.repeat(81), password: PASSWORD }))).toEqual({
			displayName: 'display_name_too_long'
		});
	});

	it('records the creation in the audit log', async () => {
		const user = await createUser(t.db, { email: 'a@example.org', displayName: 'A', password: PASSWORD });
		const events = t.sqlite.prepare('select action, subject from audit_event').all();
		expect(events).toEqual([{ action: 'user.create', subject: user.id }]);
	});
});

describe('findUserByEmail', () => {
	it('finds the account whatever the case and surrounding spaces, and returns null for unknown emails', async () => {
		const user = await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: PASSWORD });
		expect((await findUserByEmail(t.db, ' ANA@example.org'))?.id).toBe(user.id);
		expect(await findUserByEmail(t.db, 'nobody@example.org')).toBeNull();
	});
});

describe('verifyCredentials', () => {
	it('returns the account for the right password, without the hash', async () => {
		const user = await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: PASSWORD });
		expect(await verifyCredentials(t.db, 'Ana@Example.org', PASSWORD)).toEqual({
			id: user.id,
			email: 'ana@example.org',
			displayName: 'Ana'
		});
	});

	it('returns null for a wrong password and for an unknown email', async () => {
		await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: PASSWORD });
		expect(await verifyCredentials(t.db, 'ana@example.org', 'a wrong password')).toBeNull();
		expect(await verifyCredentials(t.db, 'nobody@example.org', PASSWORD)).toBeNull();
	});

	it('spends comparable time on unknown emails as on known ones, so timing does not reveal accounts', async () => {
		await createUser(t.db, { email: 'ana@example.org', displayName: 'Ana', password: PASSWORD });
		await verifyCredentials(t.db, 'warm-up@example.org', PASSWORD); // computes the dummy hash once
		const time = async (email: string) => {
			const start = performance.now();
			await verifyCredentials(t.db, email, 'a wrong password');
			return performance.now() - start;
		};
		const known = await time('ana@example.org');
		const unknown = await time('nobody@example.org');
		// Both run one scrypt; without the dummy the unknown case would take well under a millisecond.
		expect(unknown).toBeGreaterThan(known * 0.3);
	});
});

describe('countUsers', () => {
	it('counts accounts', async () => {
		expect(await countUsers(t.db)).toBe(0);
		await createUser(t.db, { email: 'a@example.org', displayName: 'A', password: PASSWORD });
		await createUser(t.db, { email: 'b@example.org', displayName: 'B', password: PASSWORD });
		expect(await countUsers(t.db)).toBe(2);
	});
});
