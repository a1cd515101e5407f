/** One register history row as lines of text: what changed, in words. */
import { m } from '$lib/paraglide/messages';
import { STATUS_LABELS, labelOf } from './labels';

const FIELD_LABELS: Record<string, () => string> = {
	title: m.register_field_title,
	description: m.register_field_description,
	type: m.register_field_type,
	horizon: m.register_field_horizon,
	department: m.register_field_department,
	ownerName: m.register_field_owner,
	target: m.register_field_target,
	indicators: m.register_field_indicators,
	deadline: m.register_field_deadline,
	resources: m.register_field_resources,
	competence: m.register_field_competence,
	affectedGroups: m.register_field_affected_groups
};

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));

export function changeLines(changes: Record<string, [unknown, unknown]>): string[] {
	const lines: string[] = [];
	const edited: string[] = [];
	for (const [field, [from, to]] of Object.entries(changes)) {
		if (field === 'recorded') lines.push(to === 'workshop' ? m.register_history_recorded_workshop() : m.register_history_recorded_manual());
		else if (field === 'status') lines.push(m.register_history_status({ from: labelOf(STATUS_LABELS, text(from)), to: labelOf(STATUS_LABELS, text(to)) }));
		else if (field === 'progress') lines.push(m.register_history_progress({ from: text(from), to: text(to) }));
		else if (field === 'statusReason') {
			if (to) lines.push(m.register_history_reason({ reason: text(to) }));
		} else edited.push((FIELD_LABELS[field] ?? (() => field))());
	}
	if (edited.length > 0) lines.push(m.register_history_edited({ fields: edited.join(', ') }));
	return lines;
}
