/**
 * An organisation with an owner, a facilitator, a member and an outsider, and one workshop,
 * for the joining tests. The workshop row is written directly so these tests do not depend on
 * how workshops are created.
 */
import { workshop } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { newId } from '../../src/lib/server/ids';
import { addMember, createOrganisation } from '../../src/lib/server/orgs';
import { insertUser } from '../../src/lib/server/users';

export interface JoinFixture {
	owner: string;
	facilitator: string;
	member: string;
	outsider: string;
	organisationId: string;
	workshopId: string;
}

async function user(db: Db, name: string): Promise<string> {
	// Passwords play no part here; skip scrypt to keep the tests fast.
	return (await insertUser(db, { email: `${name}-${newId()}@example.org`, displayName: name, passwordHash: 'x' })).id;
}

/** Adds one more workshop to an organisation, with optional role groups. */
export async function addWorkshop(db: Db, organisationId: string, roleGroups: string[] = []): Promise<string> {
	const id = newId();
	await db.insert(workshop).values({ id, organisationId, title: 'Housing barriers', roleGroups: JSON.stringify(roleGroups), createdAt: Date.now() });
	return id;
}

/** Builds the organisation, its people and a workshop with the given role groups. */
export async function joinFixture(db: Db, roleGroups: string[] = ['Civil servant', 'Civil society']): Promise<JoinFixture> {
	const owner = await user(db, 'owner');
	const organisationId = (await createOrganisation(db, 'City of Example', owner)).id;
	const facilitator = await user(db, 'facilitator');
	const member = await user(db, 'member');
	const outsider = await user(db, 'outsider');
	await addMember(db, organisationId, facilitator, 'facilitator');
	await addMember(db, organisationId, member, 'member');
	return { owner, facilitator, member, outsider, organisationId, workshopId: await addWorkshop(db, organisationId, roleGroups) };
}
