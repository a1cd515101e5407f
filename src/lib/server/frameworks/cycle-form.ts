/** Reading a cycle's settings form, and the frameworks its select offers (shared by two pages). */
import type { Executor } from '../db/executor';
import { formString } from '../form-data';
import { listFrameworks } from './read';
import type { CycleInput } from '../../shared/cycle-rules';

export function cycleFormInput(data: FormData): CycleInput {
	return {
		name: formString(data, 'name'),
		periodStart: formString(data, 'periodStart'),
		periodEnd: formString(data, 'periodEnd'),
		purpose: formString(data, 'purpose'),
		frameworkId: formString(data, 'frameworkId'),
		scale: formString(data, 'scale') || 'default',
		scaleLabels: formString(data, 'scaleLabels')
	};
}

export async function frameworkChoices(db: Executor, organisationId: string): Promise<{ id: string; name: string }[]> {
	return (await listFrameworks(db, organisationId)).map((f) => ({ id: f.id, name: f.name }));
}
