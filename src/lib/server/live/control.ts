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
	const role = workshopRole(db, actorUserId, workshopId);
	if (!managesWorkshops(role)) throw new ControlPermissionError();
	let before: StoredControl | null = null;
	const next = db.transaction(
		(tx) => {
			const current = readStoredControl(tx, workshopId);
			before = current;
			const changed = applyCommand(current, command, agendaIds(tx, workshopId), now);
			const stored: StoredControl = { ...changed, version: current.version + 1 };
			const values = { ...stored, workshopId, updatedAt: now };
			tx.insert(workshopControl).values(values).onConflictDoUpdate({ target: workshopControl.workshopId, set: values }).run();
			return stored;
		},
		{ behavior: 'immediate' }
	);
	await publishWorkshop(db, workshopId);
	await afterControlChange(db, workshopId, before!, next);
	return next;
}
