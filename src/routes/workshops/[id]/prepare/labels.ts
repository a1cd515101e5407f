/** Words for the stored codes of an activity, as the agenda and the forms show them. */
import { m } from '$lib/paraglide/messages';

const TYPES: Record<string, () => string> = {
	orientation: m.activity_type_orientation,
	brainstorm: m.activity_type_brainstorm,
	discussion: m.activity_type_discussion,
	break: m.activity_type_break
};

const ANONYMITY: Record<string, { label: () => string; hint: () => string }> = {
	named: { label: m.activity_anonymity_named, hint: m.activity_anonymity_named_hint },
	role_group: { label: m.activity_anonymity_role_group, hint: m.activity_anonymity_role_group_hint },
	anonymous: { label: m.activity_anonymity_anonymous, hint: m.activity_anonymity_anonymous_hint }
};

/** The activity type in words; a type this version does not know is shown as stored. */
export function activityTypeLabel(type: string): string {
	return TYPES[type]?.() ?? type;
}

/** The anonymity level in words ("Role group only"). */
export function anonymityLabel(level: string): string {
	return (ANONYMITY[level] ?? ANONYMITY.anonymous!).label();
}

/** Who sees what at this level, addressed to the participant. */
export function anonymityHint(level: string): string {
	return (ANONYMITY[level] ?? ANONYMITY.anonymous!).hint();
}
