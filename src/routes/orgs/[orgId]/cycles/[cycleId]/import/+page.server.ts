import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { coordinatorCycle, editableCycle } from '$lib/server/findings/route-guard';
import { importFindingsCsv } from '$lib/server/findings/csv-import';
import { csvIssueMessage } from '$lib/server/findings/messages';
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from '$lib/server/findings/csv-format';
import { log } from '$lib/server/logger';

/** At most this many problems are listed; the rest are counted. */
const LISTED_ISSUES = 200;

export const load: PageServerLoad = async (event) => {
	const { cycle } = await coordinatorCycle(event);
	return {
		cycle: { id: cycle.id, organisationId: cycle.organisationId, name: cycle.name },
		ratingScale: cycle.ratingScale,
		maxRows: CSV_MAX_ROWS
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { userId, cycle } = await editableCycle(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return fail(400, { message: m.findings_import_file_missing() });
		// The size is checked before the file is read into memory as text.
		const text = file.size > CSV_MAX_BYTES ? '' : await file.text();
		try {
			const result = await importFindingsCsv(getDb(), cycle, userId, text, file.size);
			if (result.ok) return { imported: result.imported };
			const ratingKeys = cycle.ratingScale.map((o) => o.key);
			const issues = result.issues.slice(0, LISTED_ISSUES).map((issue) => ({ ...issue, message: csvIssueMessage(issue, ratingKeys) }));
			return fail(400, { issues, total: result.issues.length });
		} catch (err) {
			log.error('importing findings failed', { cycleId: cycle.id, error: err });
			return fail(500, { message: m.findings_error_unexpected() });
		}
	}
};
