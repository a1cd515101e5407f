import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { WorkshopAccessError } from '../../src/lib/server/workshop-access';
import { getWorkshop, listWorkshops } from '../../src/lib/server/workshops';
import { updateWorkshopDetails } from '../../src/lib/server/workshop-details';
import { addActivity, listActivities, moveActivity } from '../../src/lib/server/agenda';
import { duplicateWorkshop } from '../../src/lib/server/workshop-template';
import { ensureJoinCredentials } from '../../src/lib/server/join-credentials';
import { participant } from '../../src/lib/server/db/schema';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
	await updateWorkshopDetails(f.t.db, f.owner, f.workshopId, {
		title: 'Housing rights',
		scheduledOn: '2025-06-30',
		language: 'en',
		purpose: 'Validate the findings.',
		roleGroups: 'Civil servant\nResident',
		expectedRoleGroups: ['Resident']
	});
	for (const [title, anonymity] of [
		['Welcome', 'named'],
		['Stories', 'anonymous'],
		['Dilemmas', 'role_group']
	]) {
		await addActivity(f.t.db, f.owner, f.workshopId, { type: 'discussion', title, prompt: `About ${title}`, plannedMinutes: 20, anonymity });
	}
	const [welcome] = await listActivities(f.t.db, f.workshopId);
	await moveActivity(f.t.db, f.owner, f.workshopId, welcome!.id, 'down');
});
afterEach(async () => await f.t.dispose());

const strip = (items: Awaited<ReturnType<typeof listActivities>>) =>
	items.map(({ position, type, title, prompt, plannedMinutes, anonymity }) => ({ position, type, title, prompt, plannedMinutes, anonymity }));

describe('duplicateWorkshop (use as template)', () => {
	it('creates a workshop in the same organisation with the details and the agenda in order, but no date', async () => {
		const copy = await duplicateWorkshop(f.t.db, f.facilitator, f.workshopId, '  Housing rights, Utrecht ');
		expect(await getWorkshop(f.t.db, copy.id)).toMatchObject({
			organisationId: f.organisationId,
			title: 'Housing rights, Utrecht',
			scheduledOn: null,
			language: 'en',
			purpose: 'Validate the findings.',
			roleGroups: ['Civil servant', 'Resident'],
			expectedRoleGroups: ['Resident'],
			createdBy: f.facilitator
		});
		const original = await listActivities(f.t.db, f.workshopId);
		const copied = await listActivities(f.t.db, copy.id);
		expect(strip(copied)).toEqual(strip(original));
		expect(copied.map((a) => a.title)).toEqual(['Stories', 'Welcome', 'Dilemmas']);
		expect(copied.some((a) => original.some((o) => o.id === a.id))).toBe(false);
		expect(await listWorkshops(f.t.db, f.organisationId)).toHaveLength(2);
	});

	it('never copies the join link, the short code or the participants', async () => {
		await ensureJoinCredentials(f.t.db, f.workshopId);
		await f.t.db.insert(participant).values({ id: 'p1', workshopId: f.workshopId, displayName: 'Ana', roleGroup: 'Resident', tokenHash: 'h', createdAt: Date.now() });
		const copy = await duplicateWorkshop(f.t.db, f.owner, f.workshopId, 'Next round');
		const row = f.t.sqlite.prepare('select join_token, short_code, joining_open from workshop where id = ?').get(copy.id);
		expect(row).toEqual({ join_token: null, short_code: null, joining_open: 1 });
		expect(f.t.sqlite.prepare('select count(*) as n from participant where workshop_id = ?').get(copy.id)).toEqual({ n: 0 });
	});

	it('changing the copy leaves the original as it was', async () => {
		const copy = await duplicateWorkshop(f.t.db, f.owner, f.workshopId, 'Next round');
		const [first] = await listActivities(f.t.db, copy.id);
		await moveActivity(f.t.db, f.owner, copy.id, first!.id, 'down');
		expect((await listActivities(f.t.db, f.workshopId)).map((a) => a.title)).toEqual(['Stories', 'Welcome', 'Dilemmas']);
	});

	it('audits who copied which workshop', async () => {
		const copy = await duplicateWorkshop(f.t.db, f.owner, f.workshopId, 'Next round');
		const event = f.t.sqlite.prepare("select actor_user_id, subject, detail from audit_event where action = 'workshop.duplicate'").get();
		expect(event).toEqual({ actor_user_id: f.owner, subject: copy.id, detail: f.workshopId });
	});

	it('refuses members (forbidden) and outsiders (not found), and a bad title, creating nothing', async () => {
		for (const [who, code] of [
			[f.member, 'forbidden'],
			[f.outsider, 'not_found']
		] as const) {
			const error = await duplicateWorkshop(f.t.db, who, f.workshopId, 'Copy').catch((e: unknown) => e);
			expect(error).toBeInstanceOf(WorkshopAccessError);
			expect((error as WorkshopAccessError).code).toBe(code);
		}
		for (const [title, issue] of [
			['   ', 'title_required'],
			['x'.repeat(121), 'title_too_long']
		]) {
			const error = await duplicateWorkshop(f.t.db, f.owner, f.workshopId, title).catch((e: unknown) => e);
			expect((error as InputError).issues).toEqual({ title: issue });
		}
		expect(await listWorkshops(f.t.db, f.organisationId)).toHaveLength(1);
	});
});
