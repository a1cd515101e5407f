import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { assessmentOrg, rethrowAccess } from '$lib/server/frameworks/route-guard';
import { listFrameworks, listItems } from '$lib/server/frameworks/read';
import { createFrameworkFromBuiltin, FrameworkImportError, importFramework } from '$lib/server/frameworks/create';
import { importIssueLines } from '$lib/server/frameworks/form-messages';
import { listCycles } from '$lib/server/cycles';

/** Larger files are refused before parsing (the whole request may not exceed 512 KB anyway). */
const IMPORT_MAX_KB = 500;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { organisation, canManage } = await assessmentOrg(db, user.id, params.orgId);
	const frameworks = await Promise.all(
		(await listFrameworks(db, organisation.id)).map(async (f) => ({ id: f.id, name: f.name, description: f.description, items: (await listItems(db, f.id)).length }))
	);
	const names = new Map(frameworks.map((f) => [f.id, f.name]));
	const cycles = (await listCycles(db, organisation.id)).map((c) => ({
		id: c.id,
		name: c.name,
		periodStart: c.periodStart,
		periodEnd: c.periodEnd,
		framework: names.get(c.frameworkId) ?? ''
	}));
	return { organisation: { id: organisation.id, name: organisation.name }, canManage, frameworks, cycles };
};

export const actions: Actions = {
	copy: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		let id: string;
		try {
			id = (await createFrameworkFromBuiltin(getDb(), user.id, params.orgId)).id;
		} catch (err) {
			rethrowAccess(err);
		}
		redirect(303, `/orgs/${params.orgId}/frameworks/${id}?created=1`);
	},
	import: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { importMessage: m.frameworks_import_no_file(), importIssues: [] as string[] });
		if (file.size > IMPORT_MAX_KB * 1024) return fail(400, { importMessage: m.frameworks_import_too_large({ max: IMPORT_MAX_KB }), importIssues: [] as string[] });
		let id: string;
		try {
			id = (await importFramework(getDb(), user.id, params.orgId, await file.text())).id;
		} catch (err) {
			if (err instanceof FrameworkImportError) {
				return fail(400, { importMessage: m.frameworks_import_refused({ count: err.issues.length }), importIssues: importIssueLines(err.issues) });
			}
			rethrowAccess(err);
		}
		redirect(303, `/orgs/${params.orgId}/frameworks/${id}?created=1`);
	}
};
