/**
 * Test data written straight into a running server's database (WAL mode allows a second
 * connection), through the same account functions the app uses.
 */
import { eq } from 'drizzle-orm';
import { openDb } from '../../../src/lib/server/db/client';
import { organisation } from '../../../src/lib/server/db/schema';
import { createUser } from '../../../src/lib/server/users';
import { addMember, type Role } from '../../../src/lib/server/orgs';
import { makeAccount, type Account } from './app';

/** Creates an account; with `membership`, adds it to the organisation of that name with that role. */
export async function addAccount(dbPath: string, membership?: { organisation: string; role: Role }): Promise<Account> {
	const handle = openDb(dbPath);
	try {
		const account = makeAccount();
		const user = await createUser(handle.db, account);
		if (membership) {
			const org = handle.db
				.select({ id: organisation.id })
				.from(organisation)
				.where(eq(organisation.name, membership.organisation))
				.get();
			if (!org) throw new Error(`no organisation named "${membership.organisation}" in ${dbPath}`);
			addMember(handle.db, org.id, user.id, membership.role);
		}
		return account;
	} finally {
		handle.close();
	}
}
