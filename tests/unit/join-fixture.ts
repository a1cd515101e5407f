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

function user(db: Db, name: string): string {
	// Passwords play no part here; skip scrypt to keep the tests fast.
	return insertUser(db, { email: `${name}-${newId()}@example.org`, displayName: name, passwordHash: 'x' }).id;
}

/** Adds one more workshop to an organisation, with optional role groups. */
export function addWorkshop(db: Db, organisationId: string, roleGroups: string[] = []): string {
	const id = newId();
	db.insert(workshop)
		.values({ id, organisationId, title: 'Housing barriers', roleGroups: JSON.stringify(roleGroups), createdAt: Date.now() })
		.run();
	return id;
}

/** Builds the organisation, its people and a workshop with the given role groups. */
export function joinFixture(db: Db, roleGroups: string[] = ['Civil servant', 'Civil society']): JoinFixture {
	const owner = user(db, 'owner');
	const organisationId = createOrganisation(db, 'City of Example', owner).id;
	const facilitator = user(db, 'facilitator');
	const member = user(db, 'member');
	const outsider = user(db, 'outsider');
	addMember(db, organisationId, facilitator, 'facilitator');
	addMember(db, organisationId, member, 'member');
	return { owner, facilitator, member, outsider, organisationId, workshopId: addWorkshop(db, organisationId, roleGroups) };
}
