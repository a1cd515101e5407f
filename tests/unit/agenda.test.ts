import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { WorkshopAccessError } from '../../src/lib/server/workshop-access';
import { addActivity, listActivities, moveActivity, removeActivity, updateActivity } from '../../src/lib/server/agenda';
import { createWorkshop } from '../../src/lib/server/workshops';
import { registerLiveHub } from '../../src/lib/server/live/hub';
import { readAgenda } from '../../src/lib/shared/control-schema';
import { docName } from '../../src/lib/shared/protocol';
import { validateActivityInput, ACTIVITY_TYPES, ANONYMITY } from '../../src/lib/shared/agenda';

// A stand-in for the sync server's hub: it keeps the documents the real publishing code writes.
const published: { name: string; doc: Y.Doc }[] = [];
function keep(name: string, change: (doc: Y.Doc) => void) {
	const doc = new Y.Doc();
	change(doc);
	published.push({ name, doc });
}
registerLiveHub({
	changeDoc: async (name, change) => keep(name, change),
	publishDoc: async (name, compose) => keep(name, await compose()),
	readDoc: async (_name, read) => read(new Y.Doc()),
	disconnectParticipant: () => {}
});

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
	published.length = 0;
});
afterEach(async () => await f.t.dispose());

const brainstorm = { type: 'brainstorm', title: 'What works well?', prompt: '', plannedMinutes: 15, anonymity: 'role_group' };

async function addThree() {
	const titles = ['Welcome', 'Brainstorm', 'Discussion'];
	for (const title of titles) await addActivity(f.t.db, f.facilitator, f.workshopId, { ...brainstorm, title });
	return listActivities(f.t.db, f.workshopId);
}

async function agenda() {
	return (await listActivities(f.t.db, f.workshopId)).map((a) => [a.position, a.title]);
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (error) {
		if (error instanceof WorkshopAccessError) return error.code;
		throw error;
	}
	throw new Error('expected a WorkshopAccessError');
}

describe('validateActivityInput', () => {
	it('accepts every type and anonymity level, trimming the title and reading minutes from form text', () => {
		for (const type of ACTIVITY_TYPES) {
			for (const anonymity of ANONYMITY) {
				const { value, issues } = validateActivityInput({ type, title: '  Open   question ', prompt: ' Why? \r\n', plannedMinutes: '20', anonymity });
				expect(issues).toEqual({});
				expect(value).toEqual({ type, title: 'Open question', prompt: 'Why?', plainPrompt: '', plannedMinutes: 20, anonymity });
			}
		}
	});

	it('names each bad field: unknown type, missing or long title, long prompt, minutes out of range, unknown anonymity', () => {
		expect(validateActivityInput({ type: 'poll', title: ' ', prompt: 'x'.repeat(2001), plannedMinutes: 0, anonymity: 'secret' }).issues).toEqual({
			type: 'type_invalid',
			title: 'title_required',
			prompt: 'prompt_too_long',
			plannedMinutes: 'minutes_invalid',
			anonymity: 'anonymity_invalid'
		});
		expect(validateActivityInput({ ...brainstorm, title: 'x'.repeat(121) }).issues).toEqual({ title: 'title_too_long' });
		for (const minutes of [241, 2.5, '12 min', '', -3]) {
			expect(validateActivityInput({ ...brainstorm, plannedMinutes: minutes }).issues, String(minutes)).toEqual({ plannedMinutes: 'minutes_invalid' });
		}
		expect(validateActivityInput({ ...brainstorm, plannedMinutes: 240, title: '🙂'.repeat(120) }).issues).toEqual({});
	});
});

describe('the agenda of a new workshop', () => {
	it('is empty', async () => {
		expect(await listActivities(f.t.db, f.workshopId)).toEqual([]);
	});
});

describe('addActivity', () => {
	it('appends activities in order with dense positions, for owners and facilitators', async () => {
		await addActivity(f.t.db, f.owner, f.workshopId, { ...brainstorm, title: 'First' });
		const second = await addActivity(f.t.db, f.facilitator, f.workshopId, { ...brainstorm, title: 'Second', plannedMinutes: '5' });
		expect(second).toMatchObject({ position: 1, title: 'Second', plannedMinutes: 5, workshopId: f.workshopId });
		expect(await agenda()).toEqual([
			[0, 'First'],
			[1, 'Second']
		]);
	});

	it('refuses members (forbidden) and outsiders (not found), and adds nothing', async () => {
		expect(await refusal(() => addActivity(f.t.db, f.member, f.workshopId, brainstorm))).toBe('forbidden');
		expect(await refusal(() => addActivity(f.t.db, f.outsider, f.workshopId, brainstorm))).toBe('not_found');
		expect(await refusal(() => addActivity(f.t.db, f.owner, 'no-such-workshop', brainstorm))).toBe('not_found');
		expect(await listActivities(f.t.db, f.workshopId)).toEqual([]);
	});

	it('throws an InputError naming the bad fields, and adds nothing', async () => {
		const error = await addActivity(f.t.db, f.owner, f.workshopId, { ...brainstorm, title: '', plannedMinutes: 300 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).issues).toEqual({ title: 'title_required', plannedMinutes: 'minutes_invalid' });
		expect(await listActivities(f.t.db, f.workshopId)).toEqual([]);
	});
});

describe('updateActivity', () => {
	it('changes the fields but keeps the activity in its place', async () => {
		const [, middle] = await addThree();
		const changed = { type: 'discussion', title: 'Dilemmas', prompt: 'Where do rights collide?', plannedMinutes: 30, anonymity: 'anonymous' };
		await updateActivity(f.t.db, f.facilitator, f.workshopId, middle!.id, changed);
		expect((await listActivities(f.t.db, f.workshopId))[1]).toMatchObject({ id: middle!.id, position: 1, ...changed });
	});

	it('answers not found for an activity of another workshop, and refuses members', async () => {
		const [first] = await addThree();
		const other = (await createWorkshop(f.t.db, { organisationId: f.organisationId, title: 'Other', createdBy: f.owner })).id;
		expect(await refusal(() => updateActivity(f.t.db, f.owner, other, first!.id, brainstorm))).toBe('not_found');
		expect(await refusal(() => updateActivity(f.t.db, f.member, f.workshopId, first!.id, brainstorm))).toBe('forbidden');
		expect((await listActivities(f.t.db, f.workshopId))[0]!.title).toBe('Welcome');
	});
});

describe('moveActivity', () => {
	it('swaps with the neighbour and keeps positions dense', async () => {
		const [, , last] = await addThree();
		expect(await moveActivity(f.t.db, f.facilitator, f.workshopId, last!.id, 'up')).toBe(1);
		expect(await moveActivity(f.t.db, f.facilitator, f.workshopId, last!.id, 'up')).toBe(0);
		expect(await agenda()).toEqual([
			[0, 'Discussion'],
			[1, 'Welcome'],
			[2, 'Brainstorm']
		]);
		expect(await moveActivity(f.t.db, f.owner, f.workshopId, last!.id, 'down')).toBe(1);
		expect(await agenda()).toEqual([
			[0, 'Welcome'],
			[1, 'Discussion'],
			[2, 'Brainstorm']
		]);
	});

	it('leaves the agenda as it is when the activity is already at the top or bottom', async () => {
		const [first, , last] = await addThree();
		expect(await moveActivity(f.t.db, f.owner, f.workshopId, first!.id, 'up')).toBe(0);
		expect(await moveActivity(f.t.db, f.owner, f.workshopId, last!.id, 'down')).toBe(2);
		expect(await agenda()).toEqual([
			[0, 'Welcome'],
			[1, 'Brainstorm'],
			[2, 'Discussion']
		]);
	});

	it('refuses members and outsiders without changing the order', async () => {
		const [, , last] = await addThree();
		expect(await refusal(() => moveActivity(f.t.db, f.member, f.workshopId, last!.id, 'up'))).toBe('forbidden');
		expect(await refusal(() => moveActivity(f.t.db, f.outsider, f.workshopId, last!.id, 'up'))).toBe('not_found');
		expect((await agenda()).map(([, title]) => title)).toEqual(['Welcome', 'Brainstorm', 'Discussion']);
	});

	it('heals positions left with gaps when anything moves', async () => {
		await addThree();
		f.t.sqlite.prepare('update activity set position = position * 10').run();
		const [first] = await listActivities(f.t.db, f.workshopId);
		await moveActivity(f.t.db, f.owner, f.workshopId, first!.id, 'up');
		expect(await agenda()).toEqual([
			[0, 'Welcome'],
			[1, 'Brainstorm'],
			[2, 'Discussion']
		]);
	});
});

describe('removeActivity', () => {
	it('removes the activity and closes the gap it leaves', async () => {
		const [, middle] = await addThree();
		const removed = await removeActivity(f.t.db, f.facilitator, f.workshopId, middle!.id);
		expect(removed.title).toBe('Brainstorm');
		expect(await agenda()).toEqual([
			[0, 'Welcome'],
			[1, 'Discussion']
		]);
		await addActivity(f.t.db, f.owner, f.workshopId, { ...brainstorm, title: 'Closing' });
		expect(await agenda()).toEqual([
			[0, 'Welcome'],
			[1, 'Discussion'],
			[2, 'Closing']
		]);
	});

	it('answers not found for an activity already removed, and refuses members', async () => {
		const [first, second] = await addThree();
		await removeActivity(f.t.db, f.owner, f.workshopId, first!.id);
		expect(await refusal(() => removeActivity(f.t.db, f.owner, f.workshopId, first!.id))).toBe('not_found');
		expect(await refusal(() => removeActivity(f.t.db, f.member, f.workshopId, second!.id))).toBe('forbidden');
		expect(await agenda()).toHaveLength(2);
	});
});

describe('publishing', () => {
	it('publishes the workshop after every change, and not after a refusal or a move that changes nothing', async () => {
		const [first, second] = await addThree();
		await updateActivity(f.t.db, f.owner, f.workshopId, first!.id, brainstorm);
		await moveActivity(f.t.db, f.owner, f.workshopId, second!.id, 'up');
		await moveActivity(f.t.db, f.owner, f.workshopId, second!.id, 'up');
		await removeActivity(f.t.db, f.owner, f.workshopId, first!.id);
		await addActivity(f.t.db, f.member, f.workshopId, brainstorm).catch(() => undefined);
		expect(published.map((p) => p.name)).toEqual(Array(6).fill(docName('control', f.workshopId)));
		// The last publication carries the agenda as it now stands.
		expect(readAgenda(published.at(-1)!.doc).map((a) => a.id)).toEqual((await listActivities(f.t.db, f.workshopId)).map((a) => a.id));
	});
});
