/**
 * Test data written straight into a running server's database (WAL mode allows a second
 * connection), through the same account functions the app uses.
 */
import { eq } from 'drizzle-orm';
import { Fixtures } from '../../helpers/fixtures';
import { organisation } from '../../../src/lib/server/db/schema';
import { createUser } from '../../../src/lib/server/users';
import { addMember, type Role } from '../../../src/lib/server/orgs';
import { makeAccount, type Account } from './app';

/** Creates an account; with `membership`, adds it to the organisation of that name with that role. */
export async function addAccount(database: string, membership?: { organisation: string; role: Role }): Promise<Account> {
	const fx = new Fixtures(database);
	try {
		const account = makeAccount();
		const user = await createUser(fx.db, account);
		if (membership) {
			const [org] = await fx.db
				.select({ id: organisation.id })
				.from(organisation)
				.where(eq(organisation.name, membership.organisation))
				.limit(1);
			if (!org) throw new Error(`no organisation named "${membership.organisation}" in ${database}`);
			await addMember(fx.db, org.id, user.id, membership.role);
		}
		return account;
	} finally {
		await fx.close();
	}
}
