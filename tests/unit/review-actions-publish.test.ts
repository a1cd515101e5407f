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

function org(name: string): { orgId: string; ownerId: string; workshopId: string } {
	const orgId = newId();
	const ownerId = newId();
	const workshopId = newId();
	db.db.insert(organisation).values({ id: orgId, name, createdAt: Date.now() }).run();
	db.db.insert(user).values({ id: ownerId, email: `${ownerId}@example.org`, displayName: 'Rita Recorder', passwordHash: 'x', createdAt: Date.now() }).run();
	db.db.insert(membership).values({ organisationId: orgId, userId: ownerId, role: 'owner', createdAt: Date.now() }).run();
	db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: `${name} follow-up`, createdAt: Date.now() }).run();
	return { orgId, ownerId, workshopId };
}

function addActivity(workshopId: string, type: string, position: number): string {
	const id = newId();
	db.db.insert(activity).values({ id, workshopId, position, type, title: type, createdAt: Date.now() }).run();
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

let a: ReturnType<typeof org>;
let b: ReturnType<typeof org>;

beforeEach(() => {
	db = tempDb();
	a = org('Gdańsk');
	b = org('Utrecht');
});
afterEach(() => db.dispose());

describe('published review of open actions', () => {
	it('lists only open entries of the workshop organisation, with their latest update and without names', () => {
		const ramp = recordAction(db.db, a.ownerId, a.orgId, input('Step-free entrance')).entry;
		const signs = recordAction(db.db, a.ownerId, a.orgId, input('Signs in plain language', { deadline: '', horizon: 'strategic' })).entry;
		const done = recordAction(db.db, a.ownerId, a.orgId, input('Hearing loop at the desk')).entry;
		const dropped = recordAction(db.db, a.ownerId, a.orgId, input('Paper forms')).entry;
		recordAction(db.db, b.ownerId, b.orgId, input('Another city’s action'));
		updateProgress(db.db, a.ownerId, a.orgId, ramp.id, { status: 'in_progress', reason: '', progress: '40', note: 'Ramp ordered' });
		updateProgress(db.db, a.ownerId, a.orgId, signs.id, { status: 'stuck', reason: 'No budget', progress: '10', note: '' });
		updateProgress(db.db, a.ownerId, a.orgId, done.id, { status: 'done', reason: '', progress: '100', note: 'Installed' });
		updateProgress(db.db, a.ownerId, a.orgId, dropped.id, { status: 'dropped', reason: 'Online now', progress: '0', note: '' });
		const reviewId = addActivity(a.workshopId, 'review_actions', 0);
		addActivity(a.workshopId, 'discussion', 1);

		const reviews = publishedReviews(db.db, a.workshopId, Date.parse('2026-01-15T10:00:00Z'));
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

	it('says "nothing to review" with an empty list, and nothing at all without a review activity', () => {
		expect(publishedReviews(db.db, a.workshopId)).toEqual({});
		const reviewId = addActivity(a.workshopId, 'review_actions', 0);
		expect(publishedReviews(db.db, a.workshopId)[reviewId]!.entries).toEqual([]);
	});

	it('writes the root of the control document and removes reviews of deleted activities', () => {
		recordAction(db.db, a.ownerId, a.orgId, input('Step-free entrance'));
		const reviewId = addActivity(a.workshopId, 'review_actions', 0);
		const doc = new Y.Doc();
		reviewActionsControlWriter(db.db, a.workshopId)(doc);
		expect(readPublishedReview(doc, reviewId)?.entries.map((e) => e.title)).toEqual(['Step-free entrance']);
		db.db.delete(activity).run();
		reviewActionsControlWriter(db.db, a.workshopId)(doc);
		expect(readPublishedReview(doc, reviewId)).toBeNull();
	});

	it('finds the workshops to republish: those of the organisation with a review activity', () => {
		addActivity(a.workshopId, 'review_actions', 0);
		addActivity(b.workshopId, 'vote', 0);
		expect(workshopsReviewingActions(db.db, a.orgId)).toEqual([a.workshopId]);
		expect(workshopsReviewingActions(db.db, b.orgId)).toEqual([]);
	});
});
