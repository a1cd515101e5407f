import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from './temp-db';
import { openDb } from '../../src/lib/server/db/client';
import { InputError } from '../../src/lib/server/input-error';
import { AlreadySetUpError, createFirstAccount, isSetUp } from '../../src/lib/server/setup';
import { registerAccount } from '../../src/lib/server/accounts';
import { countUsers, verifyCredentials } from '../../src/lib/server/users';
import { listUserOrganisations } from '../../src/lib/server/orgs';

const input = {
	email: 'Owner@City.example',
	displayName: 'Olga Owner',
	password: 'a long enough password',
	organisation: 'City of Example'
};
let t: TempDb;

beforeEach(() => {
	t = tempDb();
});
afterEach(async () => await t.dispose());

const count = (table: string) => (t.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('createFirstAccount', () => {
	it('creates the account and its organisation with the account as owner', async () => {
		const { user, organisation } = await createFirstAccount(t.db, input);
		expect(user.email).toBe('owner@city.example');
		expect(await listUserOrganisations(t.db, user.id)).toEqual([{ id: organisation.id, name: 'City of Example', role: 'owner' }]);
		expect(await verifyCredentials(t.db, 'owner@city.example', input.password)).toMatchObject({ id: user.id });
	});

	it('refuses once any account exists, with a message that says what to do instead', async () => {
		await createFirstAccount(t.db, input);
		const second = createFirstAccount(t.db, { ...input, email: 'someone@else.example' });
		await expect(second).rejects.toBeInstanceOf(AlreadySetUpError);
		await expect(second).rejects.toThrow(/already set up.*Sign in/);
		expect(await countUsers(t.db)).toBe(1);
	});

	it('lets only one of two simultaneous attempts succeed', async () => {
		const results = await Promise.allSettled([
			createFirstAccount(t.db, input),
			createFirstAccount(t.db, { ...input, email: 'other@city.example' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await countUsers(t.db)).toBe(1);
		expect(count('organisation')).toBe(1);
	});

	it('validates every field, the organisation included, and writes nothing on bad input', async () => {
		const error = await createFirstAccount(t.db, { email: 'x', displayName: '', password: 'short', organisation: ' ' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).issues).toEqual({
			email: 'email_invalid',
			displayName: 'display_name_required',
			password: 'password_too_short',
			organisation: 'organisation_required'
		});
		expect([count('user'), count('organisation'), count('membership')]).toEqual([0, 0, 0]);
	});
});

describe('isSetUp', () => {
	it('is false on a fresh database and true once the first account exists', async () => {
		expect(await isSetUp(t.db)).toBe(false);
		await createFirstAccount(t.db, input);
		expect(await isSetUp(t.db)).toBe(true);
	});

	it('notices accounts created by another process (the CLI) on the next call', async () => {
		expect(await isSetUp(t.db)).toBe(false);
		const other = await openDb({ kind: 'sqlite', path: `${t.dir}/test.db` });
		await registerAccount(other.db, input);
		await other.close();
		expect(await isSetUp(t.db)).toBe(true);
	});
});

describe('registerAccount', () => {
	it('creates an account with its own organisation in one step', async () => {
		await createFirstAccount(t.db, input);
		const { user, organisation } = await registerAccount(t.db, { ...input, email: 'second@city.example', organisation: 'Second' });
		expect(await listUserOrganisations(t.db, user.id)).toEqual([{ id: organisation.id, name: 'Second', role: 'owner' }]);
	});

	it('creates no organisation when the email is taken', async () => {
		await createFirstAccount(t.db, input);
		await expect(registerAccount(t.db, { ...input, organisation: 'Dup' })).rejects.toBeInstanceOf(InputError);
		expect(count('organisation')).toBe(1);
	});
});
