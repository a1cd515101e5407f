/**
 * Changing a workshop's agenda: add, edit, remove and reorder activities. Only owners and
 * facilitators may; positions always stay dense (0..n-1) so "position 2 of 5" means what it says.
 * After every change the agenda is published to the workshop's live screens.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { activity } from './db/schema';
import { newId } from './ids';
import { InputError } from './input-error';
import { publishWorkshop } from './live/publish';
import { getActivity, listActivities, type Activity } from './agenda-read';
import { requirePreparer, WorkshopAccessError } from './workshop-access';
import { validateActivityInput, type ActivityField, type ActivityInput } from '../shared/agenda';

export { listActivities, getActivity, type Activity };

export type MoveDirection = 'up' | 'down';

/** Validated input, or an InputError naming each bad field. */
function checkedInput(input: Partial<Record<ActivityField, unknown>>): ActivityInput {
	const { value, issues } = validateActivityInput(input);
	if (Object.keys(issues).length > 0) throw new InputError(issues);
	return value;
}

/** Writes positions 0..n-1 in the given order, touching only rows whose position changed. */
async function renumber(tx: Executor, workshopId: string, ordered: Activity[]): Promise<void> {
	for (const [index, item] of ordered.entries()) {
		if (item.position === index) continue;
		await tx
			.update(activity)
			.set({ position: index })
			.where(and(eq(activity.workshopId, workshopId), eq(activity.id, item.id)));
	}
}

async function requireActivity(tx: Executor, workshopId: string, activityId: string): Promise<Activity> {
	const found = await getActivity(tx, workshopId, activityId);
	if (!found) throw new WorkshopAccessError('not_found');
	return found;
}

/** Appends an activity to the end of the agenda. */
export async function addActivity(
	db: Db,
	actorUserId: string,
	workshopId: string,
	input: Partial<Record<ActivityField, unknown>>
): Promise<Activity> {
	await requirePreparer(db, actorUserId, workshopId);
	const value = checkedInput(input);
	// One transaction: two facilitators adding at once must not both take the same last position.
	const created = await db.transaction(async (tx) => {
		const position = (await listActivities(tx, workshopId)).length;
		const row: Activity = { id: newId(), workshopId, position, ...value, refId: null, createdAt: Date.now() };
		await tx.insert(activity).values(row);
		return row;
	});
	await publishWorkshop(db, workshopId);
	return created;
}

/** Replaces an activity's type, title, prompt, plain-language prompt, planned minutes and anonymity; its place stays. */
export async function updateActivity(
	db: Db,
	actorUserId: string,
	workshopId: string,
	activityId: string,
	input: Partial<Record<ActivityField, unknown>>
): Promise<Activity> {
	await requirePreparer(db, actorUserId, workshopId);
	const value = checkedInput(input);
	const updated = await db.transaction(async (tx) => {
		const current = await requireActivity(tx, workshopId, activityId);
		await tx
			.update(activity)
			.set(value)
			.where(and(eq(activity.workshopId, workshopId), eq(activity.id, activityId)));
		return { ...current, ...value };
	});
	await publishWorkshop(db, workshopId);
	return updated;
}

/** Removes an activity and closes the gap it leaves; returns what was removed. */
export async function removeActivity(db: Db, actorUserId: string, workshopId: string, activityId: string): Promise<Activity> {
	await requirePreparer(db, actorUserId, workshopId);
	const removed = await db.transaction(async (tx) => {
		const current = await requireActivity(tx, workshopId, activityId);
		await tx.delete(activity).where(and(eq(activity.workshopId, workshopId), eq(activity.id, activityId)));
		await renumber(tx, workshopId, await listActivities(tx, workshopId));
		return current;
	});
	await publishWorkshop(db, workshopId);
	return removed;
}

/**
 * Swaps an activity with its neighbour above or below. Returns its new position (0-based);
 * at the top or bottom already, nothing changes and nothing is published.
 */
export async function moveActivity(
	db: Db,
	actorUserId: string,
	workshopId: string,
	activityId: string,
	direction: MoveDirection
): Promise<number> {
	await requirePreparer(db, actorUserId, workshopId);
	const result = await db.transaction(async (tx) => {
		await requireActivity(tx, workshopId, activityId);
		const ordered = await listActivities(tx, workshopId);
		const from = ordered.findIndex((a) => a.id === activityId);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= ordered.length) {
			// Still renumber: an agenda left with gaps (by older code or by hand) heals on any move.
			await renumber(tx, workshopId, ordered);
			return { position: from, moved: false };
		}
		[ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
		await renumber(tx, workshopId, ordered);
		return { position: to, moved: true };
	});
	if (result.moved) await publishWorkshop(db, workshopId);
	return result.position;
}
