import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { formString } from '$lib/server/form-data';
import { InputError } from '$lib/server/input-error';
import { coordinatorOrg, rethrowAccess } from '$lib/server/frameworks/route-guard';
import { getFramework, getNode } from '$lib/server/frameworks/read';
import { updateNode } from '$lib/server/frameworks/edit';
import { nodeFieldErrors } from '$lib/server/frameworks/form-messages';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { organisation } = await coordinatorOrg(db, user.id, params.orgId);
	const fw = await getFramework(db, organisation.id, params.frameworkId);
	const node = fw ? await getNode(db, fw.id, params.nodeId) : null;
	if (!fw || !node) error(404, 'Not found');
	return {
		organisation: { id: organisation.id },
		framework: { id: fw.id, name: fw.name },
		node: { id: node.id, kind: node.kind, code: node.code, originalText: node.originalText, localText: node.localText ?? '', explanation: node.explanation, internalOnly: node.internalOnly }
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const values = { localText: formString(data, 'localText'), explanation: formString(data, 'explanation'), internalOnly: data.get('internalOnly') === 'on' };
		const ref = { organisationId: params.orgId, frameworkId: params.frameworkId, nodeId: params.nodeId };
		try {
			await updateNode(getDb(), user.id, ref, values);
		} catch (err) {
			if (err instanceof InputError) return fail(400, { message: m.frameworks_error_summary(), errors: nodeFieldErrors(err), values });
			rethrowAccess(err);
		}
		redirect(303, `/orgs/${params.orgId}/frameworks/${params.frameworkId}?saved=${params.nodeId}#node-${params.nodeId}`);
	}
};
