/** An organisation's own rights for case studies, offered beside the built-in EU Charter and CRPD list. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { rightOption, workshop } from './db/schema';
import type { CustomRightOption } from '../shared/case-control';

/** The organisation's options, oldest first. */
export function listRightOptions(db: Db, organisationId: string): CustomRightOption[] {
	return db
		.select({ id: rightOption.id, label: rightOption.label })
		.from(rightOption)
		.where(eq(rightOption.organisationId, organisationId))
		.orderBy(asc(rightOption.createdAt), asc(rightOption.id))
		.all();
}

/** The options of the organisation that owns a workshop. */
export function rightOptionsForWorkshop(db: Db, workshopId: string): CustomRightOption[] {
	const ws = db.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).get();
	return ws ? listRightOptions(db, ws.org) : [];
}
