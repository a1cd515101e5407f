/**
 * 60 participants vote at once over HTTP against the real server, half change their vote and
 * some send the same ballot twice at the same moment: the tallies are exact and the ballot table
 * holds one row per participant and item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count as countRows, countDistinct, eq, sql } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { findingsCycle, voteActivity } from '../helpers/vote-fixtures';
import { castOver, staffGet, voteCommand } from '../helpers/vote-http';
import { createClient, waitFor } from '../helpers/yclient';
import { docName } from '../../src/lib/shared/protocol';
import { readPublishedVote } from '../../src/lib/shared/vote-control';
import type { AgreeTally, GroupResult } from '../../src/lib/shared/vote-results';
import { ballot } from '../../src/lib/server/db/schema';

let server: RunningServer;
let fx: Fixtures;
let facilitator: TestUser;
let workshopId: string;
let vote: { activityId: string; itemIds: string[] };
const GROUPS = [
	...Array<string>(25).fill('Civil servant: policy'),
	...Array<string>(25).fill('Resident / rights holder'),
	...Array<string>(8).fill('Expert'),
	...Array<string>(2).fill('Civil society organisation')
];
let people: { id: string; cookie: string; roleGroup: string }[];

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	facilitator = await fx.user('Facilitator');
	const org = await fx.organisation([[facilitator, 'facilitator']]);
	workshopId = await fx.workshop(org);
	const { cycleId, findingIds } = await findingsCycle(fx.db, org, ['Ramps at every school', 'Forms in easy language']);
	vote = await voteActivity(fx.db, workshopId, 'Validate findings', { cycleId, findingIds, shownGroups: ['Civil society organisation', 'Expert'] });
	people = [];
	for (const [i, roleGroup] of GROUPS.entries()) people.push({ ...(await fx.participant(workshopId, `Person ${i}`, roleGroup)), roleGroup });
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const CHOICES = ['agree', 'disagree', 'unsure'] as const;

describe('60 participants voting at once', () => {
	it('counts every ballot exactly once, with changed and repeated ballots', async () => {
		expect((await voteCommand(server, facilitator.cookie, workshopId, vote.activityId, 'open')).type).toBe('success');
		const [first, second] = vote.itemIds as [string, string];
		const expected = new Map<string, string>();
		// Round 1: everyone votes on both items at once.
		const round1 = people.flatMap((p, i) => {
			expected.set(`${p.id}:${first}`, CHOICES[i % 3]!);
			expected.set(`${p.id}:${second}`, 'agree');
			return [
				castOver(server, p.cookie, workshopId, vote.activityId, { itemKey: first, value: { choice: CHOICES[i % 3] } }),
				castOver(server, p.cookie, workshopId, vote.activityId, { itemKey: second, value: { choice: 'agree' }, reason: `Reason ${i}` })
			];
		});
		expect((await Promise.all(round1)).map((r) => r.status)).toEqual(round1.map(() => 200));
		// Round 2: half change their vote on the first item; every fifth sends the same change twice at once.
		const round2 = people.flatMap((p, i) => {
			if (i % 2 === 1) return [];
			const choice = CHOICES[(i + 1) % 3]!;
			expected.set(`${p.id}:${first}`, choice);
			const send = () => castOver(server, p.cookie, workshopId, vote.activityId, { itemKey: first, value: { choice } });
			return i % 5 === 0 ? [send(), send()] : [send()];
		});
		expect((await Promise.all(round2)).every((r) => r.status === 200)).toBe(true);

		const [rows] = await fx.db
			.select({ n: countRows(), distinct_n: countDistinct(sql`${ballot.activityId} || ':' || ${ballot.itemKey} || ':' || ${ballot.participantId}`) })
			.from(ballot)
			.where(eq(ballot.activityId, vote.activityId));
		expect(rows).toEqual({ n: 120, distinct_n: 120 });

		const count = (item: string, choice: string, group?: string) =>
			people.filter((p) => (!group || p.roleGroup === group) && expected.get(`${p.id}:${item}`) === choice).length;
		const res = await staffGet(server, facilitator.cookie, `/workshops/${workshopId}/votes/${vote.activityId}/results`);
		expect(res.status).toBe(200);
		const body = JSON.parse(res.text) as { ballots: number; results: { voters: number; items: { id: string; groups: GroupResult[] }[] } };
		expect(body.ballots).toBe(60);
		expect(body.results.voters).toBe(60);
		const groups = body.results.items.find((i) => i.id === first)!.groups;
		const all = groups.find((g) => g.key === 'all')!;
		expect(all.voters).toBe(60);
		expect((all.tally as AgreeTally).counts).toEqual({ agree: count(first, 'agree'), disagree: count(first, 'disagree'), unsure: count(first, 'unsure') });
		const servants = groups.find((g) => g.key === 'kind:civil_servants')!;
		expect((servants.tally as AgreeTally).counts.agree).toBe(count(first, 'agree', 'Civil servant: policy'));
		// Two people from civil society organisations: their group is hidden, and so is its complement
		// within civil society (Residents are not shown on their own, so 27 - 0 shown = 27 is safe).
		expect(groups.find((g) => g.key === 'group:Civil society organisation')).toMatchObject({ hidden: true, voters: null, tally: null });
		expect(groups.find((g) => g.key === 'group:Expert')).toMatchObject({ hidden: false, voters: 8 });
	});

	it('publishes the number of voters (never the split) to every phone while results are hidden', async () => {
		const phone = createClient(server.url, docName('control', workshopId), { cookie: people[0]!.cookie });
		await phone.synced();
		await waitFor(() => readPublishedVote(phone.doc, vote.activityId)?.ballots === 60, 5000, 'ballot count published');
		const published = readPublishedVote(phone.doc, vote.activityId)!;
		expect(published.status).toBe('open');
		expect(published.results).toBeUndefined();
		expect(JSON.stringify(phone.doc.getMap('votes').toJSON())).not.toMatch(/Person|Reason|Civil servant/);
		phone.destroy();
	});
});
