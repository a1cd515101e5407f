import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { readableRegister } from '$lib/server/register/route-guard';
import { registerJson } from '$lib/server/register/export';
import { todayIso } from '$lib/shared/action-rules';

/** The register as versioned JSON (docs/action-register.md), for every member of the organisation. */
export const GET: RequestHandler = async (event) => {
	const { organisation } = await readableRegister(event);
	return new Response(JSON.stringify(await registerJson(getDb(), organisation, todayIso()), null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="action-register.json"',
			'cache-control': 'no-store'
		}
	});
};
