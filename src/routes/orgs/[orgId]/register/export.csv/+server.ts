import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readableRegister } from '$lib/server/register/route-guard';
import { registerCsv } from '$lib/server/register/export';
import { todayIso } from '$lib/shared/action-rules';

/** The register as CSV (UTF-8 with BOM, CRLF), for every member of the organisation. */
export const GET: RequestHandler = async (event) => {
	const { organisation } = await readableRegister(event);
	return new Response(await registerCsv(getDb(), organisation.id, todayIso()), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="action-register.csv"',
			'cache-control': 'no-store'
		}
	});
};
