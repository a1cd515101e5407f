import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { WorkshopAccessError } from '../../src/lib/server/workshop-access';
import { createWorkshop, getWorkshop } from '../../src/lib/server/workshops';
import { updateWorkshopDetails } from '../../src/lib/server/workshop-details';
import { isIsoDate, parseRoleGroups, validateWorkshopDetails } from '../../src/lib/shared/workshop-details';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
});
afterEach(async () => await f.t.dispose());

const details = {
	title: 'Housing rights, second round',
	scheduledOn: '2025-06-30',
	language: 'en',
	purpose: 'Validate the housing findings with civil society.',
	roleGroups: 'Civil servant\nCivil society organisation\nResident',
	expectedRoleGroups: ['Resident', 'Civil servant']
};

async function issuesOf(raw: object): Promise<Record<string, string>> {
	try {
		await updateWorkshopDetails(f.t.db, f.owner, f.workshopId, { ...details, ...raw });
	} catch (error) {
		if (error instanceof InputError) return { ...error.issues };
		throw error;
	}
	throw new Error('expected an InputError');
}

describe('a new workshop', () => {
	it('starts with the default role groups in English, nothing expected, no date or purpose', async () => {
		expect(await getWorkshop(f.t.db, f.workshopId)).toMatchObject({
			language: 'en',
			scheduledOn: null,
			purpose: '',
			expectedRoleGroups: [],
			roleGroups: [
				'Civil servant: policy',
				'Civil servant: management',
				'Civil servant: front-line service',
				'Central administration',
				'Civil society organisation',
				'Resident / rights holder',
				'Expert',
				'Elected representative',
				'Observer'
			]
		});
	});

	it('falls back to the base locale for a language the app cannot show', async () => {
		const id = (await createWorkshop(f.t.db, { organisationId: f.organisationId, title: 'Klingon', createdBy: f.owner, language: 'tlh' })).id;
		expect(await getWorkshop(f.t.db, id)).toMatchObject({ language: 'en', roleGroups: expect.arrayContaining(['Expert']) });
	});
});

describe('updateWorkshopDetails', () => {
	it('saves every detail, with expected role groups in the order of the list', async () => {
		const saved = await updateWorkshopDetails(f.t.db, f.facilitator, f.workshopId, details);
		const expected = {
			title: 'Housing rights, second round',
			scheduledOn: '2025-06-30',
			language: 'en',
			purpose: 'Validate the housing findings with civil society.',
			roleGroups: ['Civil servant', 'Civil society organisation', 'Resident'],
			expectedRoleGroups: ['Civil servant', 'Resident']
		};
		expect(saved).toMatchObject(expected);
		expect(await getWorkshop(f.t.db, f.workshopId)).toMatchObject(expected);
	});

	it('clears the date when it is left empty', async () => {
		await updateWorkshopDetails(f.t.db, f.owner, f.workshopId, details);
		await updateWorkshopDetails(f.t.db, f.owner, f.workshopId, { ...details, scheduledOn: '' });
		expect((await getWorkshop(f.t.db, f.workshopId))?.scheduledOn).toBeNull();
	});

	it('refuses members (forbidden) and outsiders (not found), and changes nothing', async () => {
		for (const [who, code] of [
			[f.member, 'forbidden'],
			[f.outsider, 'not_found']
		] as const) {
			const error = await updateWorkshopDetails(f.t.db, who, f.workshopId, details).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(WorkshopAccessError);
			expect((error as WorkshopAccessError).code).toBe(code);
		}
		expect((await getWorkshop(f.t.db, f.workshopId))?.title).toBe('Housing rights');
	});

	it('names each bad field and saves nothing', async () => {
		expect(
			await issuesOf({
				title: '  ',
				scheduledOn: '2025-02-30',
				language: 'xx',
				purpose: 'x'.repeat(2001),
				roleGroups: '\n \n',
				expectedRoleGroups: ['Nobody']
			})
		).toEqual({
			title: 'title_required',
			scheduledOn: 'date_invalid',
			language: 'language_invalid',
			purpose: 'purpose_too_long',
			roleGroups: 'role_groups_required',
			expectedRoleGroups: 'expected_unknown'
		});
		expect((await getWorkshop(f.t.db, f.workshopId))?.title).toBe('Housing rights');
	});

	it('refuses more than 20 role groups, a label over 80 characters, and the same label twice', async () => {
		const many = Array.from({ length: 21 }, (_, i) => `Group ${i}`).join('\n');
		expect(await issuesOf({ roleGroups: many, expectedRoleGroups: [] })).toEqual({ roleGroups: 'role_groups_too_many' });
		expect(await issuesOf({ roleGroups: `Short\n${'x'.repeat(81)}`, expectedRoleGroups: [] })).toEqual({ roleGroups: 'role_group_too_long' });
		expect(await issuesOf({ roleGroups: 'Expert\n expert ', expectedRoleGroups: [] })).toEqual({ roleGroups: 'role_groups_duplicate' });
		expect(await issuesOf({ title: 'x'.repeat(121) })).toEqual({ title: 'title_too_long' });
	});
});

describe('the details rules', () => {
	it('read role groups one per line, trimmed, without blank lines', () => {
		expect(parseRoleGroups(' Civil servant \r\n\r\n  Civil   society\n')).toEqual(['Civil servant', 'Civil society']);
		expect(parseRoleGroups(['A', 3, ' B '])).toEqual(['A', 'B']);
	});

	it('accept only real calendar dates written YYYY-MM-DD', () => {
		expect(['2024-02-29', '2025-12-31'].every(isIsoDate)).toBe(true);
		expect(['2025-02-29', '2025-13-01', '30.06.2025', '2025-6-1', ''].some(isIsoDate)).toBe(false);
	});

	it('accept exactly the languages they are given', () => {
		expect(validateWorkshopDetails({ ...details, language: 'pl' }, ['en', 'pl']).issues).toEqual({});
		expect(validateWorkshopDetails({ ...details, language: 'pl' }, ['en']).issues).toEqual({ language: 'language_invalid' });
	});
});
