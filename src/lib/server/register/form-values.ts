/** An entry as the flat strings its form shows (the inverse of actionFromForm). */
import type { Indicator } from '../../shared/action-rules';
import type { EntryRow } from './entries';

const TEXT_KEYS = ['title', 'description', 'type', 'horizon', 'department', 'ownerName', 'target', 'resources', 'competence', 'affectedGroups'] as const;

export function entryFormValues(e: EntryRow): Record<string, string> {
	const values: Record<string, string> = { deadline: e.deadline ?? '' };
	for (const key of TEXT_KEYS) values[key] = e[key];
	(JSON.parse(e.indicators) as Indicator[]).forEach((ind, i) => {
		values[`indicator_name_${i}`] = ind.name;
		values[`indicator_baseline_${i}`] = ind.baseline;
		values[`indicator_target_${i}`] = ind.target;
	});
	return values;
}
