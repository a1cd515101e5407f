/**
 * Changing a workshop's details: title, planned date, language, purpose and role groups.
 * Only owners and facilitators may; the changed workshop is published to its live screens
 * (the title and role groups show there).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { workshop } from './db/schema';
import { InputError } from './input-error';
import { publishWorkshop } from './live/publish';
import { requirePreparer, WorkshopAccessError } from './workshop-access';
import { getWorkshop, type Workshop } from './workshops';
import { validateWorkshopDetails, type WorkshopDetailsRaw } from '../shared/workshop-details';
import { locales } from '../paraglide/runtime.js';

/** The languages a workshop can be held in: those the app has messages for. */
export const WORKSHOP_LANGUAGES: readonly string[] = locales;

/**
 * Validates and saves the details; throws InputError (codes per field) on bad input and
 * WorkshopAccessError when the user may not prepare the workshop. Returns the saved workshop.
 */
export async function updateWorkshopDetails(
	db: Db,
	actorUserId: string,
	workshopId: string,
	raw: WorkshopDetailsRaw
): Promise<Workshop> {
	await requirePreparer(db, actorUserId, workshopId);
	const { value, issues } = validateWorkshopDetails(raw, WORKSHOP_LANGUAGES);
	if (Object.keys(issues).length > 0) throw new InputError(issues);
	const saved = await db.transaction(async (tx) => {
		await tx
			.update(workshop)
			.set({
				...value,
				roleGroups: JSON.stringify(value.roleGroups),
				expectedRoleGroups: JSON.stringify(value.expectedRoleGroups),
				roleGroupKinds: JSON.stringify(value.roleGroupKinds)
			})
			.where(eq(workshop.id, workshopId));
		const row = await getWorkshop(tx, workshopId);
		// Deleted between the access check and the write: answer as for any missing workshop.
		if (!row) throw new WorkshopAccessError('not_found');
		return row;
	});
	await publishWorkshop(db, workshopId);
	return saved;
}
