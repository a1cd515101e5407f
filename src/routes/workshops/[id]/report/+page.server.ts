import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { requireReport } from '$lib/server/reports/report-access';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { workshopId: params.id, report: await requireReport(getDb(), user.id, params.id) };
};
