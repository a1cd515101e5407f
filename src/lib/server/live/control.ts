/**
 * The live control state of a workshop: stored in `workshop_control`, changed only by the
 * workshop's facilitators through commands, and published to the control document after each change.
 */
import type { Db } from '../db/client';
import { workshopControl } from '../db/schema';
import { workshopRole, managesWorkshops } from '../access';
import { applyCommand, type Command } from './commands';
import { agendaIds, readStoredControl, type StoredControl } from './control-read';
import { publishWorkshop } from './publish';
import { afterControlChange } from './after-command';

export class ControlPermissionError extends Error {
	constructor() {
		super('Only owners and facilitators of the organisation can run this workshop.');
		this.name = 'ControlPermissionError';
	}
}

/** Runs a facilitator command: checks the role, stores the new state, publishes it. */
export async function runCommand(db: Db, actorUserId: string, workshopId: string, command: Command, now = Date.now()): Promise<StoredControl> {
	const role = await workshopRole(db, actorUserId, workshopId);
	if (!managesWorkshops(role)) throw new ControlPermissionError();
	const { before, next } = await db.transaction(async (tx) => {
		const current = await readStoredControl(tx, workshopId);
		const changed = applyCommand(current, command, await agendaIds(tx, workshopId), now);
		const stored: StoredControl = { ...changed, version: current.version + 1 };
		const values = { ...stored, workshopId, updatedAt: now };
		await tx.insert(workshopControl).values(values).onConflictDoUpdate({ target: workshopControl.workshopId, set: values });
		return { before: current, next: stored };
	});
	await publishWorkshop(db, workshopId);
	await afterControlChange(db, workshopId, before, next);
	return next;
}
