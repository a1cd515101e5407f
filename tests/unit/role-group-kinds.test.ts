import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { getWorkshop } from '../../src/lib/server/workshops';
import { updateWorkshopDetails } from '../../src/lib/server/workshop-details';
import { roleGroupKind, workshopRoleGroupKinds } from '../../src/lib/server/role-group-kinds';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
});
afterEach(async () => await f.t.dispose());

const details = {
	title: 'Housing rights',
	scheduledOn: '',
	language: 'en',
	purpose: '',
	roleGroups: 'Housing officer\nTenants’ union\nCivil servant: policy',
	expectedRoleGroups: []
};

describe('role-group kinds', () => {
	it('guesses the default labels in any case and calls anything else "other"', () => {
		expect(roleGroupKind('Civil servant: front-line service')).toBe('civil_servants');
		expect(roleGroupKind('resident / rights holder')).toBe('civil_society');
		expect(roleGroupKind('Observer')).toBe('other');
		expect(roleGroupKind('Housing officer')).toBe('other');
	});

	it('lets the workshop say which side a label is on, over the guess', () => {
		expect(roleGroupKind('Housing officer', { 'Housing officer': 'civil_servants' })).toBe('civil_servants');
		expect(roleGroupKind('Observer', { Observer: 'civil_society' })).toBe('civil_society');
		expect(roleGroupKind('Observer', { Observer: 'nonsense' })).toBe('other');
	});

	it('saves the chosen kinds with the details, only for groups that remain', async () => {
		await updateWorkshopDetails(f.t.db, f.facilitator, f.workshopId, {
			...details,
			roleGroupKinds: { 'Housing officer': 'civil_servants', 'Tenants’ union': 'civil_society', Removed: 'other' }
		});
		expect((await getWorkshop(f.t.db, f.workshopId))?.roleGroupKinds).toEqual({ 'Housing officer': 'civil_servants', 'Tenants’ union': 'civil_society' });
		expect(roleGroupKind('Housing officer', await workshopRoleGroupKinds(f.t.db, f.workshopId))).toBe('civil_servants');
	});

	it('refuses an unknown kind and saves nothing', async () => {
		const before = await getWorkshop(f.t.db, f.workshopId);
		const attempt = updateWorkshopDetails(f.t.db, f.facilitator, f.workshopId, { ...details, roleGroupKinds: { 'Housing officer': 'mayor' } });
		await expect(attempt).rejects.toBeInstanceOf(InputError);
		await expect(attempt).rejects.toMatchObject({ issues: { roleGroupKinds: 'role_group_kind_invalid' } });
		expect(await getWorkshop(f.t.db, f.workshopId)).toEqual(before);
	});
});
