/** The activity type in words, as every screen shows it. */
import { m } from '$lib/paraglide/messages';

const TYPES: Record<string, () => string> = {
	orientation: m.activity_type_orientation,
	brainstorm: m.activity_type_brainstorm,
	discussion: m.activity_type_discussion,
	case_study: m.activity_type_case_study,
	vote: m.activity_type_vote,
	action_points: m.action_points_type_label,
	review_actions: m.review_actions_type_label,
	break: m.activity_type_break
};

/** A type this version does not know is shown as stored. */
export function activityTypeLabel(type: string): string {
	return TYPES[type]?.() ?? type;
}
