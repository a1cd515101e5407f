/** Who reads a workshop's report: any member of its organisation (owners, facilitators, members). */
import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { workshopRole } from '../access';
import type { WorkshopReport } from '../../shared/workshop-report';
import { buildWorkshopReport } from './workshop-report';

/** The report, or 404 for a missing workshop and for anyone outside its organisation alike. */
export async function requireReport(db: Db, userId: string, workshopId: string): Promise<WorkshopReport> {
	const report = (await workshopRole(db, userId, workshopId)) ? await buildWorkshopReport(db, workshopId) : null;
	if (!report) error(404, 'Not found');
	return report;
}
