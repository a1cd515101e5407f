import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readableCycle } from '$lib/server/findings/route-guard';
import { exportFindingsCsv } from '$lib/server/findings/csv-export';

/** The cycle's findings in the import format, for every member of the organisation. */
export const GET: RequestHandler = async (event) => {
	const { cycle } = await readableCycle(event);
	const name = cycle.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'cycle';
	return new Response(`\uFEFF${await exportFindingsCsv(getDb(), cycle.id)}\r\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="findings-${name}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
