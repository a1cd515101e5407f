import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, waitFor } from '../helpers/yclient';
import { postAction } from '../helpers/actions';
import { docName } from '../../src/lib/shared/protocol';
import { ControlRoot, readAgenda, readControl } from '../../src/lib/shared/control-schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let member: TestUser;
let outsider: TestUser;
let workshopId: string;
let activities: string[];

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	member = await fx.user('Member');
	outsider = await fx.user('Outsider');
	const org = await fx.organisation([
		[facilitator, 'facilitator'],
		[member, 'member']
	]);
	await fx.organisation([[outsider, 'owner']]);
	workshopId = await fx.workshop(org);
	activities = [await fx.activity(workshopId, 'Welcome', 'orientation', 0), await fx.activity(workshopId, 'Barriers', 'brainstorm', 1)];
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const command = (user: TestUser | null, fields: Record<string, string>) =>
	postAction(server.url, `/workshops/${workshopId}/console`, fields, { cookie: user?.cookie });

describe('server authority over the live workshop', () => {
	it('publishes the agenda from the database when the control document loads', async () => {
		const client = createClient(server.url, docName('control', workshopId), { cookie: member.cookie });
		await client.synced();
		expect(readAgenda(client.doc).map((a) => a.title)).toEqual(['Welcome', 'Barriers']);
		expect(readControl(client.doc).currentActivityId).toBeNull();
		client.destroy();
	});

	it("a facilitator's command changes the state every screen reads", async () => {
		const client = createClient(server.url, docName('control', workshopId), { cookie: member.cookie });
		await client.synced();
		expect((await command(facilitator, { command: 'next' })).type).toBe('success');
		await waitFor(() => readControl(client.doc).currentActivityId === activities[0], 5000, 'activity published');
		expect((await command(facilitator, { command: 'timer-start', minutes: '5' })).type).toBe('success');
		await waitFor(() => readControl(client.doc).timer.endsAt !== null, 5000, 'timer published');
		expect((await command(facilitator, { command: 'lock', on: 'true' })).type).toBe('success');
		await waitFor(() => readControl(client.doc).locked, 5000, 'lock published');
		client.destroy();
	});

	it('members, other organisations and anonymous visitors cannot run commands', async () => {
		const before = readControl((await snapshot()).doc).version;
		expect((await command(member, { command: 'next' })).status).toBe(404);
		expect((await command(outsider, { command: 'next' })).status).toBe(404);
		expect([303, 401, 404]).toContain((await command(null, { command: 'next' })).status);
		expect(readControl((await snapshot()).doc).version).toBe(before);
	});

	it('rejects malformed commands with a clear message and changes nothing', async () => {
		const before = readControl((await snapshot()).doc).version;
		const res = await command(facilitator, { command: 'timer-start', minutes: '-3' });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.data)).toContain('240');
		expect((await command(facilitator, { command: 'goto', activityId: 'not-an-activity' })).status).toBe(400);
		expect(readControl((await snapshot()).doc).version).toBe(before);
	});

	it("refuses a facilitator's client that tries to write the control document itself", async () => {
		const rogue = createClient(server.url, docName('control', workshopId), { cookie: facilitator.cookie });
		await rogue.synced();
		const closed = new Promise<number>((resolve) => rogue.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
		rogue.doc.getMap(ControlRoot.state).set('locked', false);
		expect(await closed).toBe(4403);
		rogue.destroy();
		expect(readControl((await snapshot()).doc).locked).toBe(true);
	});
});

async function snapshot() {
	const c = createClient(server.url, docName('control', workshopId), { cookie: member.cookie });
	await c.synced();
	setTimeout(() => c.destroy(), 0);
	return c;
}
