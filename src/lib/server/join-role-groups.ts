/**
 * The role groups a participant chooses from when joining. A workshop stores its own list
 * (workshop.roleGroups, JSON); until the facilitator sets one, the default list in the workshop's language applies,
 * so joining never stalls on preparation.
 */
import { log } from './logger';
import { defaultRoleGroupLabels } from './default-role-groups';

/** The workshop's role groups from its stored JSON, or the default list when it has none. */
export function roleGroupsOf(stored: string | null | undefined, language: string): string[] {
	let parsed: unknown = [];
	try {
		parsed = JSON.parse(stored || '[]');
	} catch (error) {
		// A broken list must not lock people out of a workshop: fall back to the default and tell the operator.
		log.error('workshop role groups are not valid JSON; using the default list', { error });
	}
	const groups = Array.isArray(parsed)
		? parsed.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim())
		: [];
	return groups.length > 0 ? [...new Set(groups)] : defaultRoleGroupLabels(language);
}
