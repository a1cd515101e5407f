import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readableRegister } from '$lib/server/register/route-guard';
import { departments, filtersFromQuery, listEntries, orgCycles } from '$lib/server/register/read';
import { todayIso } from '$lib/shared/action-rules';

/** The register with filters and sorts from GET parameters, so they work without scripts. */
export const load: PageServerLoad = async (event) => {
	const { organisation, canEdit } = await readableRegister(event);
	const db = getDb();
	const filters = filtersFromQuery(event.url.searchParams);
	const entries = await listEntries(db, organisation.id, filters, todayIso());
	return {
		organisation,
		canEdit,
		filters,
		filtered: event.url.searchParams.size > 0,
		departments: await departments(db, organisation.id),
		cycles: await orgCycles(db, organisation.id),
		entries: entries.map((e) => ({ id: e.id, title: e.title, status: e.status, progress: e.progress, horizon: e.horizon, department: e.department, deadline: e.deadline, overdue: e.overdue }))
	};
};
