/** Preparing a vote over HTTP: settings, findings and statements, order, and what stays locked once it runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { voteCommand } from '../helpers/vote-http';
import { voteItem, voteSetup } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let workshopId: string;
let activityId: string;
let cycle: { cycleId: string; findingIds: string[] };
let foreignCycle: { cycleId: string; findingIds: string[] };

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	const org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	foreignCycle = await findingsCycle(fx.db, await fx.organisation([]), ['Not ours']);
	workshopId = await fx.workshop(org);
	cycle = await findingsCycle(fx.db, org, ['First finding', 'Second finding']);
	({ activityId } = await voteActivity(fx.db, workshopId, 'Vote'));
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const act = (action: string, fields: Record<string, string>, user = facilitator) =>
	postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}/vote?/${action}`, fields, { cookie: user.cookie });
const setup = async () =>
	(
		await fx.db
			.select({ kind: voteSetup.kind, budget: voteSetup.budget, cap: voteSetup.cap, cycle_id: voteSetup.cycleId, shown_groups: voteSetup.shownGroups })
			.from(voteSetup)
			.where(eq(voteSetup.activityId, activityId))
			.limit(1)
	)[0]!;
const items = () => fx.db.select({ finding_id: voteItem.findingId, text: voteItem.text }).from(voteItem).where(eq(voteItem.activityId, activityId)).orderBy(asc(voteItem.position));

describe('preparing a vote', () => {
	it('checks the settings and changes nothing on bad input', async () => {
		const bad = await act('settings', { kind: 'dots', budget: '3', cap: '4', cycleId: '' });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.data)).toContain('cannot exceed');
		expect((await act('settings', { kind: 'agree', budget: '5', cap: '3', cycleId: foreignCycle.cycleId })).status).toBe(400);
		expect((await act('settings', { kind: 'agree', budget: '5', cap: '3', cycleId: '', shownGroups: 'Not a group' })).status).toBe(400);
		expect((await act('settings', { kind: 'agree', budget: '5', cap: '3', cycleId: cycle.cycleId }, member)).status).toBe(404);
		expect(await setup()).toMatchObject({ kind: 'agree', cycle_id: null, shown_groups: '[]' });
		const ok = await act('settings', { kind: 'agree', budget: '5', cap: '3', cycleId: cycle.cycleId, shownGroups: 'Expert' });
		expect(ok.type).toBe('success');
		expect(await setup()).toMatchObject({ cycle_id: cycle.cycleId, shown_groups: '["Expert"]' });
	});

	it('adds findings of the cycle and free statements, reorders and removes them', async () => {
		expect((await act('findings', { findingId: foreignCycle.findingIds[0]! })).status).toBe(400);
		expect((await act('findings', { findingId: cycle.findingIds[0]! })).type).toBe('success');
		expect((await act('statement', { statement: '   ' })).status).toBe(400);
		expect((await act('statement', { statement: 'Buses are step-free' })).type).toBe('success');
		expect(await items()).toEqual([
			{ finding_id: cycle.findingIds[0], text: '' },
			{ finding_id: null, text: 'Buses are step-free' }
		]);
		const ids = (await fx.db.select({ id: voteItem.id }).from(voteItem).where(eq(voteItem.activityId, activityId)).orderBy(asc(voteItem.position))).map((r) => r.id);
		expect((await act('move', { itemId: ids[1]!, direction: 'up' })).type).toBe('success');
		expect((await items())[0]!.text).toBe('Buses are step-free');
		expect((await act('remove', { itemId: ids[0]! })).type).toBe('success');
		expect(await items()).toEqual([{ finding_id: null, text: 'Buses are step-free' }]);
	});

	it('locks the kind and items once the vote has opened', async () => {
		expect((await voteCommand(server, facilitator.cookie, workshopId, activityId, 'open')).type).toBe('success');
		const res = await act('settings', { kind: 'dots', budget: '5', cap: '3', cycleId: cycle.cycleId });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.data)).toContain('has started');
		expect((await act('statement', { statement: 'Late addition' })).status).toBe(400);
		expect((await setup()).kind).toBe('agree');
		expect(await items()).toHaveLength(1);
		// Which role groups are shown may still change.
		expect((await act('settings', { kind: 'agree', budget: '5', cap: '3', cycleId: cycle.cycleId, shownGroups: 'Resident / rights holder' })).type).toBe('success');
	});
});
