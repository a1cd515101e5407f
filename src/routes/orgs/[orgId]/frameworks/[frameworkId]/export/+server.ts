import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { assessmentOrg } from '$lib/server/frameworks/route-guard';
import { getFramework } from '$lib/server/frameworks/read';
import { exportFileName, exportFramework } from '$lib/server/frameworks/export';

/** The framework as a JSON download (docs/framework-json.md); members of the organisation may export. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, 'Not found');
	const db = getDb();
	const { organisation } = await assessmentOrg(db, locals.user.id, params.orgId);
	const fw = await getFramework(db, organisation.id, params.frameworkId);
	if (!fw) error(404, 'Not found');
	return new Response(`${JSON.stringify(await exportFramework(db, fw), null, 2)}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(fw)}"`,
			'cache-control': 'no-store'
		}
	});
};
