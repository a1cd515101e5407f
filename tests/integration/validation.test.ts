/**
 * Validation of action points over the real server: who validates (civil society by default),
 * eligible and not eligible participants, reasons required, attribution stored, and what the
 * revealed results put in the control document every participant reads: a name only where its
 * author chose it in a named activity, never in an anonymous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { postAction } from '../helpers/actions';
import { castOver, voteCommand } from '../helpers/vote-http';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';
import { readPublishedVote } from '../../src/lib/shared/vote-control';
import { ballot, voteItem, voteSetup } from '../../src/lib/server/db/schema';

const SOCIETY = 'Civil society organisation';
const RESIDENT = 'Resident / rights holder';
const SERVANT = 'Civil servant: policy';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let workshopId: string;
let pointIds: string[];
type Person = { id: string; cookie: string };
let anna: Person, bruno: Person, cyra: Person, dario: Person, servant: Person;
const votes: Record<'named' | 'role_group' | 'anonymous', string> = { named: '', role_group: '', anonymous: '' };

const setupPath = (activityId: string, action: string) => `/workshops/${workshopId}/prepare/${activityId}/vote?/${action}`;
const setup = async (activityId: string) =>
	(await fx.db.select({ kind: voteSetup.kind, answer_groups: voteSetup.answerGroups }).from(voteSetup).where(eq(voteSetup.activityId, activityId)).limit(1))[0];
const ballots = (activityId: string) =>
	fx.db
		.select({ participant_id: ballot.participantId, value: ballot.value, reason: ballot.reason })
		.from(ballot)
		.where(eq(ballot.activityId, activityId))
		.orderBy(asc(ballot.participantId));
const itemIds = async (activityId: string) =>
	(await fx.db.select({ id: voteItem.id }).from(voteItem).where(eq(voteItem.activityId, activityId)).orderBy(asc(voteItem.position))).map((r) => r.id);

async function settings(activityId: string, fields: [string, string][]) {
	const res = await fetch(`${server.url}${setupPath(activityId, 'settings')}`, {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: facilitator.cookie },
		body: new URLSearchParams([['budget', '5'], ['cap', '3'], ['cycleId', ''], ...fields]).toString()
	});
	const json = (await res.json()) as { type: string; status?: number };
	return { type: json.type, status: json.status ?? res.status };
}

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]));
	// The drafted action points, written by staff into the actions document as the editor does.
	const staff = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
	await staff.synced();
	pointIds = [addActionPoint(staff.doc, { title: 'Autonomy-based approach to hoarding' }), addActionPoint(staff.doc, { title: 'Review housing rules for dignity' })];
	const reader = createClient(server.url, docName('actions', workshopId), { cookie: facilitator.cookie });
	await reader.synced();
	await waitFor(() => readActionPoints(reader.doc).length === 2, 5000, 'action points stored');
	reader.destroy();
	staff.destroy();
	for (const [i, anonymity] of (['named', 'role_group', 'anonymous'] as const).entries()) {
		votes[anonymity] = await fx.activity(workshopId, `Validation ${anonymity}`, 'vote', i, anonymity);
	}
	anna = await fx.participant(workshopId, 'Annabel Quorra', SOCIETY);
	bruno = await fx.participant(workshopId, 'Brunhilde Osk', RESIDENT);
	cyra = await fx.participant(workshopId, 'Cyrano Vellum', SOCIETY);
	dario = await fx.participant(workshopId, 'Dariusz Pelt', RESIDENT);
	servant = await fx.participant(workshopId, 'Servaas Tollen', SERVANT);
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('who validates', () => {
	it('refuses role groups the workshop does not have, and changes nothing', async () => {
		const res = await settings(votes.named, [['kind', 'endorse'], ['answerGroups', 'Not a group']]);
		expect(res.status).toBe(400);
		expect(await setup(votes.named)).toBeUndefined();
	});

	it('starts with the civil-society role groups when the vote becomes a validation and nobody was chosen', async () => {
		for (const id of Object.values(votes)) {
			expect((await settings(id, [['kind', 'endorse']])).type).toBe('success');
			expect(await setup(id)).toEqual({ kind: 'endorse', answer_groups: JSON.stringify([SOCIETY, RESIDENT]) });
		}
	});

	it('saves the groups ticked, others included', async () => {
		expect((await settings(votes.named, [['kind', 'endorse'], ['answerGroups', SOCIETY], ['answerGroups', 'Expert']])).type).toBe('success');
		expect(JSON.parse((await setup(votes.named))!.answer_groups)).toEqual([SOCIETY, 'Expert']);
		expect((await settings(votes.named, [['kind', 'endorse'], ['answerGroups', SOCIETY], ['answerGroups', RESIDENT]])).type).toBe('success');
		expect(JSON.parse((await setup(votes.named))!.answer_groups)).toEqual([SOCIETY, RESIDENT]);
	});

	it('adds the drafted action points as items and opens', async () => {
		for (const id of Object.values(votes)) {
			const add = await postAction(server.url, setupPath(id, 'actionPoints'), { actionPointId: pointIds[0]! }, { cookie: facilitator.cookie });
			expect(add.type).toBe('success');
			expect(await itemIds(id)).toHaveLength(1);
			expect((await voteCommand(server, facilitator.cookie, workshopId, id, 'open')).type).toBe('success');
		}
	});
});

describe('answering', () => {
	const cast = async (p: Person, id: string, value: unknown, reason = '') => castOver(server, p.cookie, workshopId, id, { itemKey: (await itemIds(id))[0], value, reason });

	it('refuses a participant whose group does not validate, with a translated message, and stores nothing', async () => {
		const res = await cast(servant, votes.named, { stance: 'endorse', attribution: 'anonymous' });
		expect(res.status).toBe(403);
		expect(res.body).toEqual({ error: 'not_eligible', message: 'This validation is answered by other groups. You can follow the results.' });
		expect(await ballots(votes.named)).toEqual([]);
		const own = await fetch(`${server.url}/w/${workshopId}/votes/${votes.named}`, { headers: { cookie: servant.cookie } });
		expect(await own.json()).toEqual({ ballots: [], eligible: false });
		const mine = await fetch(`${server.url}/w/${workshopId}/votes/${votes.named}`, { headers: { cookie: anna.cookie } });
		expect(await mine.json()).toEqual({ ballots: [], eligible: true });
	});

	it('requires a reason to endorse with changes or to object', async () => {
		for (const stance of ['endorse_changes', 'object']) {
			const res = await cast(anna, votes.named, { stance, attribution: 'named' }, '   ');
			expect(res.status).toBe(400);
			expect(res.body.error).toBe('reason_required');
			expect(res.body.message).toBe('Say which changes you ask for, or why you object.');
		}
		expect((await cast(anna, votes.named, { stance: 'maybe', attribution: 'named' }, 'x')).body.error).toBe('bad_stance');
		expect((await cast(anna, votes.named, { stance: 'object', attribution: 'everyone' }, 'x')).body.error).toBe('bad_attribution');
		expect(await ballots(votes.named)).toEqual([]);
	});

	it('stores the stance, the reason and the attribution chosen', async () => {
		for (const id of Object.values(votes)) {
			expect((await cast(anna, id, { stance: 'object', attribution: 'named' }, 'There is no budget line for it')).status).toBe(200);
			expect((await cast(bruno, id, { stance: 'endorse_changes', attribution: 'named' }, 'Add a deadline')).status).toBe(200);
			expect((await cast(cyra, id, { stance: 'endorse_changes', attribution: 'anonymous' }, 'Ask residents first')).status).toBe(200);
			expect((await cast(dario, id, { stance: 'endorse', attribution: 'role_group' })).status).toBe(200);
		}
		const stored = (await ballots(votes.named)).find((b) => b.participant_id === anna.id)!;
		expect(JSON.parse(stored.value)).toEqual({ stance: 'object', attribution: 'named' });
		expect(stored.reason).toBe('There is no budget line for it');
		expect(await ballots(votes.named)).toHaveLength(4);
	});
});

describe('revealed results in the control document', () => {
	const NAMES = /Annabel|Brunhilde|Cyrano|Dariusz|Servaas/;

	it('carry the outcome and the kept comments, a name only where its author chose it in a named activity', async () => {
		const phone = createClient(server.url, docName('control', workshopId), { cookie: servant.cookie });
		await phone.synced();
		for (const id of Object.values(votes)) {
			expect((await voteCommand(server, facilitator.cookie, workshopId, id, 'close')).type).toBe('success');
			expect((await voteCommand(server, facilitator.cookie, workshopId, id, 'reveal')).type).toBe('success');
		}
		await waitFor(() => Object.values(votes).every((id) => readPublishedVote(phone.doc, id)?.results !== undefined), 5000, 'results published');
		const whole = () => JSON.stringify(phone.doc.toJSON());
		const endorsement = (id: string) => readPublishedVote(phone.doc, id)!.results!.items[0]!.endorsement;

		expect(readPublishedVote(phone.doc, votes.named)).toMatchObject({ answerGroups: [SOCIETY, RESIDENT], anonymity: 'named' });
		expect(endorsement(votes.named)).toEqual({
			outcome: 'endorsed_with_changes',
			changes: [
				{ text: 'Add a deadline', attribution: 'Brunhilde Osk' },
				{ text: 'Ask residents first', attribution: '' }
			],
			objections: [{ text: 'There is no budget line for it', attribution: 'Annabel Quorra' }]
		});
		expect(endorsement(votes.role_group)).toEqual({
			outcome: 'endorsed_with_changes',
			changes: [
				{ text: 'Add a deadline', attribution: RESIDENT },
				{ text: 'Ask residents first', attribution: '' }
			],
			objections: [{ text: 'There is no budget line for it', attribution: SOCIETY }]
		});
		expect(endorsement(votes.anonymous)).toEqual({
			outcome: 'endorsed_with_changes',
			changes: [
				{ text: 'Add a deadline', attribution: '' },
				{ text: 'Ask residents first', attribution: '' }
			],
			objections: [{ text: 'There is no budget line for it', attribution: '' }]
		});

		// The whole document: the two names their authors chose, in the named activity only; nobody else's.
		expect(whole().match(new RegExp(NAMES.source, 'g'))!.sort()).toEqual(['Annabel', 'Brunhilde']);
		const anonymousVote = JSON.stringify(readPublishedVote(phone.doc, votes.anonymous));
		expect(anonymousVote).not.toMatch(NAMES);
		expect(JSON.stringify(readPublishedVote(phone.doc, votes.role_group))).not.toMatch(NAMES);
		// Nor does an anonymous activity's result say which role group wrote a comment.
		const comments = [...endorsement(votes.anonymous)!.changes, ...endorsement(votes.anonymous)!.objections];
		expect(comments.every((c) => c.attribution === '')).toBe(true);
		phone.destroy();
	});
});
