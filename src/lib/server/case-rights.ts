/** An organisation's own rights for case studies, offered beside the built-in EU Charter and CRPD list. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from './db/executor';
import { rightOption, workshop } from './db/schema';
import type { CustomRightOption } from '../shared/case-control';

/** The organisation's options, oldest first. */
export async function listRightOptions(db: Executor, organisationId: string): Promise<CustomRightOption[]> {
	return db
		.select({ id: rightOption.id, label: rightOption.label })
		.from(rightOption)
		.where(eq(rightOption.organisationId, organisationId))
		.orderBy(asc(rightOption.createdAt), asc(rightOption.id));
}

/** The options of the organisation that owns a workshop. */
export async function rightOptionsForWorkshop(db: Executor, workshopId: string): Promise<CustomRightOption[]> {
	const [ws] = await db.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
	return ws ? listRightOptions(db, ws.org) : [];
}
