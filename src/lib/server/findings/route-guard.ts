/**
 * Route guards for the findings pages: members of the organisation read, owners and facilitators
 * change; outsiders get 404 (ids cannot be probed). As on the framework and workshop pages, a
 * page that only changes things answers members 404 too; a member's change (an action) gets 403.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { requireUser } from '../require-user';
import { cycleForUser, FindingsAccessError, type CycleContext } from './cycle-access';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
	params: Partial<Record<'orgId' | 'cycleId', string>>;
}

/** The signed-in user and the cycle they may read; 404 otherwise. */
export async function readableCycle(event: GuardEvent): Promise<{ userId: string; cycle: CycleContext }> {
	const user = requireUser(event.locals, event.url);
	try {
		return { userId: user.id, cycle: await cycleForUser(getDb(), user.id, event.params.orgId ?? '', event.params.cycleId ?? '') };
	} catch (err) {
		if (err instanceof FindingsAccessError) error(404, 'Not found');
		throw err;
	}
}

/** For actions: the signed-in user and the cycle they may change; 404 for outsiders, 403 for members. */
export async function editableCycle(event: GuardEvent): Promise<{ userId: string; cycle: CycleContext }> {
	const found = await readableCycle(event);
	if (!found.cycle.canEdit) error(403, 'Forbidden');
	return found;
}

/** For pages that only change things (new finding, import, proposals): members get 404 as well. */
export async function coordinatorCycle(event: GuardEvent): Promise<{ userId: string; cycle: CycleContext }> {
	const found = await readableCycle(event);
	if (!found.cycle.canEdit) error(404, 'Not found');
	return found;
}

/** The cycle's base path, for links and redirects. */
export function cyclePath(cycle: CycleContext): string {
	return `/orgs/${cycle.organisationId}/cycles/${cycle.id}`;
}
