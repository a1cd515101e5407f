import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { coordinatorCycle, editableCycle } from '$lib/server/findings/route-guard';
import { acceptProposal, declineProposal, listPendingProposals } from '$lib/server/findings/proposals';
import { frameworkOutline, itemsInOrder } from '$lib/server/findings/items';
import { runFindingAction } from '$lib/server/findings/action-runner';
import { formString } from '$lib/server/form-data';

export const load: PageServerLoad = async (event) => {
	const { cycle } = await coordinatorCycle(event);
	const db = getDb();
	return {
		cycle: { id: cycle.id, organisationId: cycle.organisationId, name: cycle.name },
		proposals: await listPendingProposals(db, cycle.id),
		items: itemsInOrder(await frameworkOutline(db, cycle.frameworkId)).map(({ id, code, text }) => ({ id, code, text }))
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const { userId, cycle } = await editableCycle(event);
		const data = await event.request.formData();
		const id = formString(data, 'proposalId');
		return runFindingAction({ form: `proposal-${id}` }, () => acceptProposal(getDb(), cycle, userId, id, formString(data, 'nodeId')), m.findings_proposals_accepted());
	},
	decline: async (event) => {
		const { userId, cycle } = await editableCycle(event);
		const id = formString((await event.request.formData()), 'proposalId');
		return runFindingAction({ form: `proposal-${id}` }, () => declineProposal(getDb(), cycle, userId, id), m.findings_proposals_declined());
	}
};
