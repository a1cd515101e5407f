import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readableCycle } from '$lib/server/findings/route-guard';
import { countFindings, countPendingProposals, groupedFindings } from '$lib/server/findings/read';
import { isFindingStatus } from '$lib/shared/finding-rules';

export const load: PageServerLoad = async (event) => {
	const { cycle } = await readableCycle(event);
	const db = getDb();
	const requested = event.url.searchParams.get('status');
	const status = isFindingStatus(requested) ? requested : null;
	return {
		cycle: { id: cycle.id, organisationId: cycle.organisationId, name: cycle.name, frameworkName: cycle.frameworkName, ratingScale: cycle.ratingScale, canEdit: cycle.canEdit },
		status,
		outline: await groupedFindings(db, cycle, status),
		total: await countFindings(db, cycle.id),
		pendingProposals: await countPendingProposals(db, cycle.id)
	};
};
