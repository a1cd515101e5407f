/** Adding an organisation's own right for case studies (kept apart from the list, which publishing reads). */
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { rightOption, workshop } from './db/schema';
import { newId } from './ids';
import { InputError } from './input-error';
import { validateRightLabel } from '../shared/rights-list';
import type { CustomRightOption } from '../shared/case-control';
import { publishWorkshop } from './live/publish';
import { listRightOptions } from './case-rights';

/**
 * Adds an option for the organisation owning `workshopId` and republishes that workshop so its
 * screens offer it. Throws InputError (`label`) on a blank, too long or duplicate label.
 */
export async function addRightOption(db: Db, workshopId: string, rawLabel: unknown): Promise<CustomRightOption> {
	// One transaction: the duplicate check holds against two additions at once.
	const option = await db.transaction(async (tx) => {
		const [ws] = await tx.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
		if (!ws) throw new InputError({ label: 'right_label_required' });
		const existing = (await listRightOptions(tx, ws.org)).map((o) => o.label);
		const checked = validateRightLabel(rawLabel, existing);
		if (!checked.ok) throw new InputError({ label: checked.issue });
		const added = { id: newId(), label: checked.label };
		await tx.insert(rightOption).values({ ...added, organisationId: ws.org, createdAt: Date.now() });
		return added;
	});
	await publishWorkshop(db, workshopId);
	return option;
}
