/** A drafted action point as the flat strings the register's entry form shows (see `actionFromForm`). */
import type { ActionInput } from '../../shared/action-rules';
import type { ActionPointDraft } from '../../shared/action-point-doc';

const TEXT_KEYS = ['title', 'description', 'type', 'horizon', 'department', 'ownerName', 'target', 'deadline', 'resources', 'competence', 'affectedGroups'] as const;

export function draftFormValues(draft: ActionPointDraft): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of TEXT_KEYS) values[key] = draft[key];
	draft.indicators.forEach((ind, i) => {
		values[`indicator_name_${i}`] = ind.name;
		values[`indicator_baseline_${i}`] = ind.baseline;
		values[`indicator_target_${i}`] = ind.target;
	});
	return values;
}

/** The register's describing fields of a draft, as they are. */
export function draftAction(draft: ActionPointDraft): ActionInput {
	return {
		title: draft.title,
		description: draft.description,
		type: draft.type,
		horizon: draft.horizon,
		department: draft.department,
		ownerName: draft.ownerName,
		target: draft.target,
		indicators: draft.indicators,
		deadline: draft.deadline,
		resources: draft.resources,
		competence: draft.competence,
		affectedGroups: draft.affectedGroups
	};
}
