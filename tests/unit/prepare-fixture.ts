/**
 * A database with one organisation and one workshop, and a person in each role around it:
 * owner, facilitator, member, and an outsider who owns another organisation.
 */
import { tempDb, type TempDb } from './temp-db';
import { insertUser } from '../../src/lib/server/users';
import { addMember, createOrganisation } from '../../src/lib/server/orgs';
import { createWorkshop } from '../../src/lib/server/workshops';

export interface PrepareFixture {
	t: TempDb;
	owner: string;
	facilitator: string;
	member: string;
	outsider: string;
	organisationId: string;
	workshopId: string;
}

/** Builds the fixture; call `await t.dispose()` afterwards. */
export async function prepareFixture(): Promise<PrepareFixture> {
	const t = tempDb();
	// Preparation does not care how passwords are hashed; skip scrypt to keep the tests fast.
	const person = async (name: string) => (await insertUser(t.db, { email: `${name}@example.org`, displayName: name, passwordHash: 'x' })).id;
	const owner = await person('owner');
	const facilitator = await person('facilitator');
	const member = await person('member');
	const outsider = await person('outsider');
	const organisationId = (await createOrganisation(t.db, 'City of Example', owner)).id;
	await addMember(t.db, organisationId, facilitator, 'facilitator', owner);
	await addMember(t.db, organisationId, member, 'member', owner);
	await createOrganisation(t.db, 'Elsewhere', outsider);
	const workshopId = (await createWorkshop(t.db, { organisationId, title: 'Housing rights', createdBy: owner })).id;
	return { t, owner, facilitator, member, outsider, organisationId, workshopId };
}
