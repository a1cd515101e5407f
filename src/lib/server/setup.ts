/**
 * First start: the first account and its organisation, created from the /setup page or the
 * admin CLI, and the "is this instance set up" fact that gates every page until then.
 */
import { count, ne } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { user } from './db/schema';
import { countUsers } from './users';
import { registerAccount, type NewAccount, type NewAccountInput } from './accounts';

/** The demo facilitator (RIGHTSBOARD_DEMO=1). It does not count as setting the instance up. */
export const DEMO_EMAIL = 'demo@rightsboard.example';

export class AlreadySetUpError extends Error {
	constructor() {
		super('Rightsboard is already set up: an account exists. Sign in, or create more accounts with `npm run admin -- create-user`.');
		this.name = 'AlreadySetUpError';
	}
}

/** Databases known to have a real (non-demo) account. Accounts are never all removed, so "yes" stays true. */
const setUp = new WeakSet<Db>();
const hasAny = new WeakSet<Db>();

async function countRealUsers(db: Executor): Promise<number> {
	return (await db.select({ n: count() }).from(user).where(ne(user.email, DEMO_EMAIL)))[0]?.n ?? 0;
}

/** True once a real account exists (the demo account does not count); then /setup closes. */
export async function isSetUp(db: Db): Promise<boolean> {
	if (setUp.has(db)) return true;
	if ((await countRealUsers(db)) === 0) return false;
	setUp.add(db);
	return true;
}

/** True once any account exists, the demo account included; until then every page leads to /setup. */
export async function hasAccounts(db: Db): Promise<boolean> {
	if (hasAny.has(db)) return true;
	if ((await countUsers(db)) === 0) return false;
	hasAny.add(db);
	return true;
}

/**
 * Creates the first account with `organisation` as its organisation (owner), all in one
 * transaction. Throws AlreadySetUpError when any account exists, InputError on bad fields.
 */
export async function createFirstAccount(db: Db, input: NewAccountInput): Promise<NewAccount> {
	const account = await registerAccount(db, input, async (tx) => {
		if ((await countRealUsers(tx)) > 0) throw new AlreadySetUpError();
	});
	setUp.add(db);
	hasAny.add(db);
	return account;
}
