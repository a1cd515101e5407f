import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requireReport } from '$lib/server/reports/report-access';
import { managesWorkshops, workshopRole } from '$lib/server/access';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const report = await requireReport(db, user.id, params.id);
	return { workshopId: params.id, report, canRecord: managesWorkshops(await workshopRole(db, user.id, params.id)) };
};
