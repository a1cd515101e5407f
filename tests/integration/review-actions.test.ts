/**
 * "Review open actions" against the real server: a participant's y-websocket client on the control
 * document sees the organisation's open action points without owner names; a progress update in
 * the register arrives live; another organisation's entries never show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { createClient, waitFor } from '../helpers/yclient';
import { actionRegisterEntry } from '../../src/lib/server/db/schema';
import { docName } from '../../src/lib/shared/protocol';
import { readPublishedReview, REVIEW_ACTIONS_ROOT } from '../../src/lib/shared/review-actions-control';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let outsider: TestUser;
let orgId: string;
let otherOrgId: string;
let workshopId: string;
let activityId: string;

const form = (title: string, ownerName: string) => ({
	sourceKey: `manual:${title.replace(/\W+/g, '-').toLowerCase()}`,
	title,
	description: 'Not for the room',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName,
	target: '',
	deadline: '2020-06-30',
	resources: '',
	competence: 'city',
	affectedGroups: ''
});

async function record(org: string, who: TestUser, title: string, ownerName: string): Promise<string> {
	const res = await postAction(server.url, `/orgs/${org}/register/new`, form(title, ownerName), { cookie: who.cookie });
	expect(res.type).toBe('redirect');
	const [row] = await fx.db.select({ id: actionRegisterEntry.id }).from(actionRegisterEntry).where(and(eq(actionRegisterEntry.organisationId, org), eq(actionRegisterEntry.title, title))).limit(1);
	return row!.id;
}

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	[facilitator, outsider] = [await fx.user('Fay Facilitator'), await fx.user('Otto Outsider')];
	orgId = await fx.organisation([[facilitator, 'facilitator']]);
	otherOrgId = await fx.organisation([[outsider, 'owner']], 'Other City');
	workshopId = await fx.workshop(orgId, 'Follow-up workshop');
	activityId = await fx.activity(workshopId, 'What happened since?', 'review_actions');
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('review open actions, live', () => {
	it('a participant sees the open entries, no names, and a progress update arrives', async () => {
		const participant = await fx.participant(workshopId, 'Pat Participant');
		const client = createClient(server.url, docName('control', workshopId), { cookie: participant.cookie });
		try {
			await client.synced();
			const rampId = await record(orgId, facilitator, 'Step-free entrance', 'Zofia Wiśniewska');
			await record(orgId, facilitator, 'Plain-language letters', 'Jan Nowak');
			await record(otherOrgId, outsider, 'Another city action', 'Otto Owner');
			const review = () => readPublishedReview(client.doc, activityId);
			await waitFor(() => review()?.entries.length === 2, 5000, 'two open entries');
			expect(review()!.entries.map((e) => e.title).sort()).toEqual(['Plain-language letters', 'Step-free entrance']);
			expect(review()!.entries[0]).toMatchObject({ status: 'planned', progress: 0, overdue: true, department: 'Housing' });

			const progress = await postAction(server.url, `/orgs/${orgId}/register/${rampId}?/progress`, { status: 'in_progress', reason: '', progress: '60', note: 'Ramp delivered' }, { cookie: facilitator.cookie });
			expect(progress.type).toBe('success');
			await waitFor(() => review()?.entries.find((e) => e.id === rampId)?.progress === 60, 5000, 'progress update');
			expect(review()!.entries.find((e) => e.id === rampId)).toMatchObject({ status: 'in_progress', latestNote: 'Ramp delivered' });

			const done = await postAction(server.url, `/orgs/${orgId}/register/${rampId}?/progress`, { status: 'done', reason: '', progress: '100', note: '' }, { cookie: facilitator.cookie });
			expect(done.type).toBe('success');
			await waitFor(() => review()?.entries.length === 1, 5000, 'done entry leaves the review');

			const everything = JSON.stringify(client.doc.getMap(REVIEW_ACTIONS_ROOT).toJSON());
			for (const secret of ['Zofia', 'Jan Nowak', 'Otto', 'Fay Facilitator', facilitator.id, 'Not for the room', 'Another city']) expect(everything).not.toContain(secret);
		} finally {
			client.destroy();
		}
	});
});
