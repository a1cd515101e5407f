import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/require-user';
import { formString } from '$lib/server/form-data';
import { InputError } from '$lib/server/input-error';
import { assessmentOrg, rethrowAccess } from '$lib/server/frameworks/route-guard';
import { findingCounts, frameworkTree, getFramework, getNode, listNodes } from '$lib/server/frameworks/read';
import { addNode, deleteNode, isAddedNode, moveNode, setNodeHidden, type NodeRef } from '$lib/server/frameworks/edit';
import { nodeFieldErrors } from '$lib/server/frameworks/form-messages';
import { updateFrameworkDetails } from '$lib/server/frameworks/details';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { organisation, canManage } = await assessmentOrg(db, user.id, params.orgId);
	const fw = await getFramework(db, organisation.id, params.frameworkId);
	if (!fw) error(404, 'Not found');
	const nodes = await listNodes(db, fw.id);
	const used = await findingCounts(db, nodes.map((n) => n.id));
	const deletable = nodes.filter((n) => isAddedNode(fw, n) && !used.has(n.id) && !nodes.some((c) => c.parentId === n.id)).map((n) => n.id);
	return {
		organisation: { id: organisation.id, name: organisation.name },
		framework: { id: fw.id, name: fw.name, description: fw.description },
		canManage,
		created: url.searchParams.has('created'),
		saved: nodes.find((n) => n.id === url.searchParams.get('saved'))?.code ?? null,
		tree: await frameworkTree(db, fw.id),
		deletable
	};
};

type Event = RequestEvent;

/** Runs one change to a node named by the form's `nodeId`, and says what happened. */
async function nodeAction(event: Event, change: (userId: string, ref: NodeRef) => Promise<void>, status: (code: string) => string) {
	const user = requireUser(event.locals, event.url);
	const nodeId = formString(await event.request.formData(), 'nodeId');
	const ref = { organisationId: event.params.orgId, frameworkId: event.params.frameworkId, nodeId };
	const node = await getNode(getDb(), ref.frameworkId, nodeId);
	try {
		await change(user.id, ref);
	} catch (err) {
		if (err instanceof InputError) return fail(400, { nodeId, nodeError: Object.values(nodeFieldErrors(err))[0] ?? '' });
		rethrowAccess(err);
	}
	return { status: status(node?.code ?? '') };
}

async function add(event: Event, kind: 'item' | 'section') {
	const user = requireUser(event.locals, event.url);
	const data = await event.request.formData();
	const values = {
		kind,
		parentId: formString(data, 'parentId'),
		code: formString(data, 'code'),
		text: formString(data, 'text'),
		explanation: formString(data, 'explanation'),
		internalOnly: data.get('internalOnly') === 'on'
	};
	try {
		const node = await addNode(getDb(), user.id, event.params.orgId, event.params.frameworkId, values);
		return { status: m.frameworks_status_added({ code: node.code }) };
	} catch (err) {
		if (err instanceof InputError) return fail(400, { add: kind, message: m.frameworks_error_summary(), errors: nodeFieldErrors(err), values });
		rethrowAccess(err);
	}
}

export const actions: Actions = {
	hide: (event) => nodeAction(event, (u, ref) => setNodeHidden(getDb(), u, ref, true), (code) => m.frameworks_status_hidden({ code })),
	unhide: (event) => nodeAction(event, (u, ref) => setNodeHidden(getDb(), u, ref, false), (code) => m.frameworks_status_unhidden({ code })),
	up: (event) => nodeAction(event, (u, ref) => moveNode(getDb(), u, ref, 'up'), (code) => m.frameworks_status_moved({ code })),
	down: (event) => nodeAction(event, (u, ref) => moveNode(getDb(), u, ref, 'down'), (code) => m.frameworks_status_moved({ code })),
	delete: (event) => nodeAction(event, (u, ref) => deleteNode(getDb(), u, ref), (code) => m.frameworks_status_deleted({ code })),
	details: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const data = await request.formData();
		const values = { name: formString(data, 'name'), description: formString(data, 'description') };
		try {
			await updateFrameworkDetails(getDb(), user.id, params.orgId, params.frameworkId, values);
		} catch (err) {
			if (err instanceof InputError) return fail(400, { detailsMessage: m.frameworks_error_summary(), detailsErrors: nodeFieldErrors(err), detailsValues: values });
			rethrowAccess(err);
		}
		return { status: m.frameworks_status_details_saved() };
	},
	addItem: (event) => add(event, 'item'),
	addSection: (event) => add(event, 'section')
};
