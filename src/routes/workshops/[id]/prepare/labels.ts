/** Words for the stored codes of an activity, as the agenda and the forms show them. */
import { m } from '$lib/paraglide/messages';

export { activityTypeLabel } from '$lib/activity-type-label';

const ANONYMITY: Record<string, { label: () => string; hint: () => string }> = {
	named: { label: m.activity_anonymity_named, hint: m.activity_anonymity_named_hint },
	role_group: { label: m.activity_anonymity_role_group, hint: m.activity_anonymity_role_group_hint },
	anonymous: { label: m.activity_anonymity_anonymous, hint: m.activity_anonymity_anonymous_hint }
};

/** The anonymity level in words ("Role group only"). */
export function anonymityLabel(level: string): string {
	return (ANONYMITY[level] ?? ANONYMITY.anonymous!).label();
}

/** Who sees what at this level, addressed to the participant. */
export function anonymityHint(level: string): string {
	return (ANONYMITY[level] ?? ANONYMITY.anonymous!).hint();
}
