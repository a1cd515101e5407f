/** Reading the register forms: the entry's fields (with up to a few indicator rows) and a progress update. */
import { formString } from '../form-data';
import { INDICATORS_MAX, type ActionInput, type ProgressInput } from '../../shared/action-rules';

/** How many indicator rows the form offers. */
export const INDICATOR_ROWS = 3;

export function actionFromForm(data: FormData): ActionInput {
	const indicators = [];
	for (let i = 0; i < INDICATORS_MAX; i++) {
		if (!data.has(`indicator_name_${i}`)) continue;
		indicators.push({ name: formString(data, `indicator_name_${i}`), baseline: formString(data, `indicator_baseline_${i}`), target: formString(data, `indicator_target_${i}`) });
	}
	return {
		title: formString(data, 'title'),
		description: formString(data, 'description'),
		type: formString(data, 'type'),
		horizon: formString(data, 'horizon'),
		department: formString(data, 'department'),
		ownerName: formString(data, 'ownerName'),
		target: formString(data, 'target'),
		indicators,
		deadline: formString(data, 'deadline'),
		resources: formString(data, 'resources'),
		competence: formString(data, 'competence'),
		affectedGroups: formString(data, 'affectedGroups')
	};
}

export function progressFromForm(data: FormData): ProgressInput {
	return { status: formString(data, 'status'), reason: formString(data, 'reason'), progress: formString(data, 'progress'), note: formString(data, 'note') };
}

/** The posted values to give back to a form after an error (flat strings). */
export function flatValues(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of data.entries()) if (typeof value === 'string') out[key] = value;
	return out;
}
