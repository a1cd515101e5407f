/**
 * Route guards for the register pages under /orgs/[orgId]: members read, coordinators change;
 * outsiders get 404 (ids cannot be probed), members trying to change get 403.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { requireUser } from '../require-user';
import { listUserOrganisations } from '../orgs';
import { managesWorkshops } from '../access';
import { RegisterAccessError } from './access';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
	params: Partial<Record<'orgId', string>>;
}

export interface RegisterOrg {
	userId: string;
	organisation: { id: string; name: string };
	canEdit: boolean;
}

/** The signed-in user and the organisation whose register they may read; 404 otherwise. */
export async function readableRegister(event: GuardEvent): Promise<RegisterOrg> {
	const user = requireUser(event.locals, event.url);
	const org = (await listUserOrganisations(getDb(), user.id)).find((o) => o.id === event.params.orgId);
	if (!org) error(404, 'Not found');
	return { userId: user.id, organisation: { id: org.id, name: org.name }, canEdit: managesWorkshops(org.role) };
}

/** Like readableRegister, but members get 403. */
export async function editableRegister(event: GuardEvent): Promise<RegisterOrg> {
	const found = await readableRegister(event);
	if (!found.canEdit) error(403, 'Only owners and facilitators change the action register.');
	return found;
}

/** An access error from the register module as an HTTP error; other errors are rethrown. */
export function rethrowRegisterAccess(err: unknown): void {
	if (err instanceof RegisterAccessError) error(err.code === 'forbidden' ? 403 : 404, err.code === 'forbidden' ? 'Forbidden' : 'Not found');
}

/** Like readableRegister, but only coordinators: members get the same 404 (pages that only change things). */
export async function coordinatorRegister(event: GuardEvent): Promise<RegisterOrg> {
	const found = await readableRegister(event);
	if (!found.canEdit) error(404, 'Not found');
	return found;
}
