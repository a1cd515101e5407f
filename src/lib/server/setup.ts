/**
 * First start: the first account and its organisation, created from the /setup page or the
 * admin CLI, and the "is this instance set up" fact that gates every page until then.
 */
import type { Db } from './db/client';
import { countUsers } from './users';
import { registerAccount, type NewAccount, type NewAccountInput } from './accounts';

export class AlreadySetUpError extends Error {
	constructor() {
		super('Rightsboard is already set up: an account exists. Sign in, or create more accounts with `npm run admin -- create-user`.');
		this.name = 'AlreadySetUpError';
	}
}

/** Databases known to have a user. Accounts are never all removed, so "yes" stays true. */
const setUp = new WeakSet<Db>();

/** True once any account exists; asks the database only until the answer is yes. */
export function isSetUp(db: Db): boolean {
	if (setUp.has(db)) return true;
	if (countUsers(db) === 0) return false;
	setUp.add(db);
	return true;
}

/**
 * Creates the first account with `organisation` as its organisation (owner), all in one
 * transaction. Throws AlreadySetUpError when any account exists, InputError on bad fields.
 */
export async function createFirstAccount(db: Db, input: NewAccountInput): Promise<NewAccount> {
	const account = await registerAccount(db, input, (tx) => {
		if (countUsers(tx) > 0) throw new AlreadySetUpError();
	});
	setUp.add(db);
	return account;
}
