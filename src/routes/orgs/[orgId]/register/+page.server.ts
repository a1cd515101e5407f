import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readableRegister } from '$lib/server/register/route-guard';
import { departments, filtersFromQuery, listEntries, orgCycles } from '$lib/server/register/read';
import { todayIso } from '$lib/shared/action-rules';

/** The register with filters and sorts from GET parameters, so they work without scripts. */
export const load: PageServerLoad = (event) => {
	const { organisation, canEdit } = readableRegister(event);
	const db = getDb();
	const filters = filtersFromQuery(event.url.searchParams);
	const entries = listEntries(db, organisation.id, filters, todayIso());
	return {
		organisation,
		canEdit,
		filters,
		filtered: event.url.searchParams.size > 0,
		departments: departments(db, organisation.id),
		cycles: orgCycles(db, organisation.id),
		entries: entries.map((e) => ({ id: e.id, title: e.title, status: e.status, progress: e.progress, horizon: e.horizon, department: e.department, deadline: e.deadline, overdue: e.overdue }))
	};
};
