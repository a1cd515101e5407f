/** The "review open actions" snapshot for the control document: only open entries, no names, only this organisation. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDb, type TempDb } from './temp-db';
import { activity, membership, organisation, user, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { manualSourceKey, recordAction, type RecordInput } from '../../src/lib/server/register/entries';
import { updateProgress } from '../../src/lib/server/register/progress';
import { publishedReviews, reviewActionsControlWriter } from '../../src/lib/server/live/review-actions-publish';
import { workshopsReviewingActions } from '../../src/lib/server/live/review-actions-refresh';
import { readPublishedReview } from '../../src/lib/shared/review-actions-control';

let db: TempDb;

async function org(name: string): Promise<{ orgId: string; ownerId: string; workshopId: string }> {
	const orgId = newId();
	const ownerId = newId();
	const workshopId = newId();
	await db.db.insert(organisation).values({ id: orgId, name, createdAt: Date.now() });
	await db.db.insert(user).values({ id: ownerId, email: `${ownerId}@example.org`, displayName: 'Rita Recorder', passwordHash: 'x', createdAt: Date.now() });
	await db.db.insert(membership).values({ organisationId: orgId, userId: ownerId, role: 'owner', createdAt: Date.now() });
	await db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: `${name} follow-up`, createdAt: Date.now() });
	return { orgId, ownerId, workshopId };
}

async function addActivity(workshopId: string, type: string, position: number): Promise<string> {
	const id = newId();
	await db.db.insert(activity).values({ id, workshopId, position, type, title: type, createdAt: Date.now() });
	return id;
}

const input = (title: string, over: Partial<RecordInput> = {}): RecordInput => ({
	sourceKey: manualSourceKey(),
	workshopId: null,
	cycleId: null,
	title,
	description: 'Kept out of the room view.',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName: 'Anna Kowalska',
	target: '',
	indicators: [],
	deadline: '2020-01-31',
	resources: '',
	competence: 'city',
	affectedGroups: '',
	...over
});

let a: Awaited<ReturnType<typeof org>>;
let b: Awaited<ReturnType<typeof org>>;

beforeEach(async () => {
	db = tempDb();
	a = await org('Gdańsk');
	b = await org('Utrecht');
});
afterEach(async () => await db.dispose());

describe('published review of open actions', () => {
	it('lists only open entries of the workshop organisation, with their latest update and without names', async () => {
		const ramp = (await recordAction(db.db, a.ownerId, a.orgId, input('Step-free entrance'))).entry;
		const signs = (await recordAction(db.db, a.ownerId, a.orgId, input('Signs in plain language', { deadline: '', horizon: 'strategic' }))).entry;
		const done = (await recordAction(db.db, a.ownerId, a.orgId, input('Hearing loop at the desk'))).entry;
		const dropped = (await recordAction(db.db, a.ownerId, a.orgId, input('Paper forms'))).entry;
		await recordAction(db.db, b.ownerId, b.orgId, input('Another city’s action'));
		await updateProgress(db.db, a.ownerId, a.orgId, ramp.id, { status: 'in_progress', reason: '', progress: '40', note: 'Ramp ordered' });
		await updateProgress(db.db, a.ownerId, a.orgId, signs.id, { status: 'stuck', reason: 'No budget', progress: '10', note: '' });
		await updateProgress(db.db, a.ownerId, a.orgId, done.id, { status: 'done', reason: '', progress: '100', note: 'Installed' });
		await updateProgress(db.db, a.ownerId, a.orgId, dropped.id, { status: 'dropped', reason: 'Online now', progress: '0', note: '' });
		const reviewId = await addActivity(a.workshopId, 'review_actions', 0);
		await addActivity(a.workshopId, 'discussion', 1);

		const reviews = await publishedReviews(db.db, a.workshopId, Date.parse('2026-01-15T10:00:00Z'));
		expect(Object.keys(reviews)).toEqual([reviewId]);
		const review = reviews[reviewId]!;
		expect(review.today).toBe('2026-01-15');
		expect(review.organisationId).toBe(a.orgId);
		expect(review.entries.map((e) => e.title)).toEqual(['Step-free entrance', 'Signs in plain language']);
		expect(review.entries[0]).toMatchObject({ status: 'in_progress', progress: 40, deadline: '2020-01-31', overdue: true, latestNote: 'Ramp ordered', department: 'Housing' });
		expect(review.entries[1]).toMatchObject({ status: 'stuck', progress: 10, deadline: null, overdue: false, latestNote: '', horizon: 'strategic' });
		const text = JSON.stringify(review);
		for (const secret of ['Anna Kowalska', 'Rita Recorder', a.ownerId, 'Kept out of the room view', 'No budget', 'Another city']) expect(text).not.toContain(secret);
	});

	it('says "nothing to review" with an empty list, and nothing at all without a review activity', async () => {
		expect(await publishedReviews(db.db, a.workshopId)).toEqual({});
		const reviewId = await addActivity(a.workshopId, 'review_actions', 0);
		expect((await publishedReviews(db.db, a.workshopId))[reviewId]!.entries).toEqual([]);
	});

	it('writes the root of the control document and removes reviews of deleted activities', async () => {
		await recordAction(db.db, a.ownerId, a.orgId, input('Step-free entrance'));
		const reviewId = await addActivity(a.workshopId, 'review_actions', 0);
		const doc = new Y.Doc();
		(await reviewActionsControlWriter(db.db, a.workshopId))(doc);
		expect(readPublishedReview(doc, reviewId)?.entries.map((e) => e.title)).toEqual(['Step-free entrance']);
		await db.db.delete(activity);
		(await reviewActionsControlWriter(db.db, a.workshopId))(doc);
		expect(readPublishedReview(doc, reviewId)).toBeNull();
	});

	it('finds the workshops to republish: those of the organisation with a review activity', async () => {
		await addActivity(a.workshopId, 'review_actions', 0);
		await addActivity(b.workshopId, 'vote', 0);
		expect(await workshopsReviewingActions(db.db, a.orgId)).toEqual([a.workshopId]);
		expect(await workshopsReviewingActions(db.db, b.orgId)).toEqual([]);
	});
});
