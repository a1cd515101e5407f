/**
 * The action-points part of the sync access rule, which needs the database: participants write
 * the workshop's `actions` document only while the current activity is an action-points activity
 * and contributions are not locked (read-only otherwise). Staff keep the access `access.ts` gives.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activity, workshopControl } from '../db/schema';
import type { DocAccess } from '../access';
import type { DocName } from '../../shared/protocol';

export const ACTION_POINTS_TYPE = 'action_points';

/** True while participants may write the workshop's action points: their activity is on and not locked. One indexed join. */
export async function actionPointsOpen(db: Db, workshopId: string): Promise<boolean> {
	const [row] = await db
		.select({ locked: workshopControl.locked })
		.from(workshopControl)
		.innerJoin(activity, and(eq(activity.id, workshopControl.currentActivityId), eq(activity.workshopId, workshopControl.workshopId)))
		.where(and(eq(workshopControl.workshopId, workshopId), eq(activity.type, ACTION_POINTS_TYPE)))
		.limit(1);
	return !!row && !row.locked;
}

/** Narrows a participant's write access to the actions document to the time it is open. */
export async function refineActionsAccess(db: Db, doc: DocName, access: DocAccess, who: 'user' | 'participant'): Promise<DocAccess> {
	if (doc.kind !== 'actions' || who !== 'participant' || access !== 'write') return access;
	return (await actionPointsOpen(db, doc.workshopId)) ? 'write' : 'read';
}
