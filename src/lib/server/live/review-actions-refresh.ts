/**
 * After a register entry changes, the workshops of its organisation that review open actions
 * republish their control document, so the room sees the change live.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, workshop } from '../db/schema';
import { log } from '../logger';
import { publishWorkshop } from './publish';
import { REVIEW_ACTIONS_TYPE } from './review-actions-publish';

export async function workshopsReviewingActions(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ id: workshop.id })
		.from(workshop)
		.innerJoin(activity, eq(activity.workshopId, workshop.id))
		.where(and(eq(workshop.organisationId, organisationId), eq(activity.type, REVIEW_ACTIONS_TYPE)));
	return rows.map((w) => w.id);
}

/** Republishes in the background; a failure is logged and never undoes the register change. */
export async function refreshReviewActions(db: Db, organisationId: string): Promise<void> {
	try {
		const ids = await workshopsReviewingActions(db, organisationId);
		await Promise.all(ids.map((id) => publishWorkshop(db, id)));
	} catch (err) {
		log.error('review actions republish failed', { organisationId, err: String(err) });
	}
}
