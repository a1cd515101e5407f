import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from './temp-db';
import { InputError } from '../../src/lib/server/input-error';
import { insertUser } from '../../src/lib/server/users';
import {
	ROLES,
	addMember,
	createOrganisation,
	getMembership,
	isRole,
	listUserOrganisations,
	type Role
} from '../../src/lib/server/orgs';

let t: TempDb;
let ana: string;
let bo: string;

beforeEach(async () => {
	t = tempDb();
	// Organisations do not care how passwords are hashed; skip scrypt to keep the tests fast.
	ana = (await insertUser(t.db, { email: 'ana@example.org', displayName: 'Ana', passwordHash: 'x' })).id;
	bo = (await insertUser(t.db, { email: 'bo@example.org', displayName: 'Bo', passwordHash: 'x' })).id;
});
afterEach(async () => await t.dispose());

async function issuesOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
	try {
		await run();
	} catch (error) {
		if (error instanceof InputError) return { ...error.issues };
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('roles', () => {
	it('are owner, facilitator and member, and nothing else validates', () => {
		expect(ROLES).toEqual(['owner', 'facilitator', 'member']);
		for (const role of ROLES) expect(isRole(role)).toBe(true);
		for (const value of ['admin', 'Owner', '', null, 1]) expect(isRole(value)).toBe(false);
	});
});

describe('createOrganisation', () => {
	it('creates the organisation with its creator as owner and audits it', async () => {
		const org = await createOrganisation(t.db, '  City of Example ', ana);
		expect(org.name).toBe('City of Example');
		expect((await getMembership(t.db, org.id, ana))?.role).toBe('owner');
		const events = t.sqlite.prepare("select organisation_id, actor_user_id from audit_event where action = 'organisation.create'").all();
		expect(events).toEqual([{ organisation_id: org.id, actor_user_id: ana }]);
	});

	it('rejects an empty or overlong name', async () => {
		expect(await issuesOf(() => createOrganisation(t.db, '   ', ana))).toEqual({ organisation: 'organisation_required' });
		expect(await issuesOf(() => createOrganisation(t.db, 'x'.repeat(121), ana))).toEqual({ organisation: 'organisation_too_long' });
	});

	it('leaves no organisation behind when the owner does not exist', async () => {
		await expect(createOrganisation(t.db, 'Orphan', 'no-such-user')).rejects.toThrow();
		expect(t.sqlite.prepare('select count(*) as n from organisation').get()).toEqual({ n: 0 });
	});
});

describe('listUserOrganisations', () => {
	it('lists the user’s organisations by name with their role, and no one else’s', async () => {
		const zeta = await createOrganisation(t.db, 'Zeta', ana);
		const alpha = await createOrganisation(t.db, 'Alpha', bo);
		await addMember(t.db, alpha.id, ana, 'facilitator', bo);
		await createOrganisation(t.db, 'Bo only', bo);
		expect(await listUserOrganisations(t.db, ana)).toEqual([
			{ id: alpha.id, name: 'Alpha', role: 'facilitator' },
			{ id: zeta.id, name: 'Zeta', role: 'owner' }
		]);
	});

	it('is empty for a user without organisations', async () => {
		expect(await listUserOrganisations(t.db, bo)).toEqual([]);
	});
});

describe('addMember', () => {
	it('adds a user with the given role and audits who added them', async () => {
		const org = await createOrganisation(t.db, 'Org', ana);
		await addMember(t.db, org.id, bo, 'member', ana);
		expect((await getMembership(t.db, org.id, bo))?.role).toBe('member');
		const event = t.sqlite.prepare("select actor_user_id, subject, detail from audit_event where action = 'membership.add'").get();
		expect(event).toEqual({ actor_user_id: ana, subject: bo, detail: 'member' });
	});

	it('refuses an unknown role, organisation or user, and a second membership', async () => {
		const org = await createOrganisation(t.db, 'Org', ana);
		expect(await issuesOf(() => addMember(t.db, org.id, bo, 'admin' as Role))).toEqual({ role: 'role_invalid' });
		expect(await issuesOf(() => addMember(t.db, 'no-such-org', bo, 'member'))).toEqual({ organisation: 'organisation_not_found' });
		expect(await issuesOf(() => addMember(t.db, org.id, 'no-such-user', 'member'))).toEqual({ user: 'user_not_found' });
		expect(await issuesOf(() => addMember(t.db, org.id, ana, 'member'))).toEqual({ user: 'already_member' });
	});
});

describe('getMembership', () => {
	it('returns null for a user who is not a member', async () => {
		const org = await createOrganisation(t.db, 'Org', ana);
		expect(await getMembership(t.db, org.id, bo)).toBeNull();
	});

	it('treats a role the code does not know as no membership', async () => {
		const org = await createOrganisation(t.db, 'Org', ana);
		t.sqlite.prepare("update membership set role = 'superuser' where user_id = ?").run(ana);
		expect(await getMembership(t.db, org.id, ana)).toBeNull();
		expect(await listUserOrganisations(t.db, ana)).toEqual([]);
	});
});
