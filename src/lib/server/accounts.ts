/**
 * Registering a person: an account and their own organisation, created together so there is
 * never an account without a place to work in. Used by setup, sign-up and the admin CLI.
 */
import type { Db } from './db/client';
import type { Tx } from './db/executor';
import { hashPassword } from './auth/password';
import { throwIfIssues } from './input-error';
import { insertUser, validateNewUser, type NewUserInput, type UserSummary } from './users';
import { insertOrganisation, validateOrganisationName, type OrganisationSummary } from './orgs';

export interface NewAccountInput extends NewUserInput {
	organisation: string;
}

export interface NewAccount {
	user: UserSummary;
	organisation: OrganisationSummary;
}

/**
 * Validates every field at once (InputError lists them all), hashes the password, then runs
 * `guard` and the inserts in one transaction so the guard's check still holds at insert.
 */
export async function registerAccount(db: Db, input: NewAccountInput, guard?: (tx: Tx) => Promise<void>): Promise<NewAccount> {
	const user = validateNewUser(input);
	const org = validateOrganisationName(input.organisation);
	throwIfIssues({ ...user.issues, organisation: org.issue });
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		await guard?.(tx);
		const now = Date.now();
		const created = await insertUser(tx, { email: user.email, displayName: user.displayName, passwordHash }, now);
		return { user: created, organisation: await insertOrganisation(tx, org.name, created.id, now) };
	});
}
