/**
 * "Use as template": a new workshop in the same organisation with the details and agenda of an
 * existing one. Never copied: participants, notes, join link and short code (a template must not
 * let last time's participants into the new workshop), and the planned date (a new occasion).
 */
import type { Db } from './db/client';
import { activity } from './db/schema';
import { newId } from './ids';
import { InputError } from './input-error';
import { writeAudit } from './audit';
import { publishWorkshop } from './live/publish';
import { listActivities } from './agenda-read';
import { requirePreparer, WorkshopAccessError } from './workshop-access';
import { getWorkshop, insertWorkshop, type Workshop } from './workshops';
import { validateWorkshopTitle } from '../shared/workshop-title';

/**
 * Copies the workshop under `newTitle`; throws InputError ({ title }) for a bad title and
 * WorkshopAccessError when the user may not prepare the source workshop. Returns the new workshop.
 */
export async function duplicateWorkshop(db: Db, actorUserId: string, workshopId: string, newTitle: unknown): Promise<Workshop> {
	await requirePreparer(db, actorUserId, workshopId);
	const checked = validateWorkshopTitle(newTitle);
	if (!checked.ok) throw new InputError({ title: checked.problem === 'empty' ? 'title_required' : 'title_too_long' });
	const now = Date.now();
	const created = await db.transaction(async (tx) => {
		const source = await getWorkshop(tx, workshopId);
		if (!source) throw new WorkshopAccessError('not_found');
		const copy: Workshop = { ...source, id: newId(), title: checked.title, scheduledOn: null, createdBy: actorUserId, createdAt: now };
		await insertWorkshop(tx, copy);
		for (const [position, item] of (await listActivities(tx, workshopId)).entries()) {
			await tx.insert(activity).values({ ...item, id: newId(), workshopId: copy.id, position, refId: null, createdAt: now });
		}
		await writeAudit(tx, { action: 'workshop.duplicate', organisationId: source.organisationId, actorUserId, subject: copy.id, detail: workshopId }, now);
		return copy;
	});
	await publishWorkshop(db, created.id);
	return created;
}
