/** An entry as the flat strings its form shows (the inverse of actionFromForm). */
import type { Indicator } from '../../shared/action-rules';
import type { EntryRow } from './entries';

export function entryFormValues(e: EntryRow): Record<string, string> {
	const values: Record<string, string> = {
		title: e.title,
		description: e.description,
		type: e.type,
		horizon: e.horizon,
		department: e.department,
		ownerName: e.ownerName,
		target: e.target,
		deadline: e.deadline ?? '',
		resources: e.resources,
		competence: e.competence,
		affectedGroups: e.affectedGroups
	};
	(JSON.parse(e.indicators) as Indicator[]).forEach((ind, i) => {
		values[`indicator_name_${i}`] = ind.name;
		values[`indicator_baseline_${i}`] = ind.baseline;
		values[`indicator_target_${i}`] = ind.target;
	});
	return values;
}
