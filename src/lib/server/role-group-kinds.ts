/**
 * Which side of the room a role group is on (see shared/role-group-kind.ts). The default role
 * groups are known in every language the app has; a workshop sets the kind of any label in its
 * `role_group_kinds`.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from './db/executor';
import { workshop } from './db/schema';
import { locales } from '../paraglide/runtime.js';
import { DEFAULT_ROLE_GROUP_KEYS, type DefaultRoleGroupKey } from '../shared/agenda';
import { defaultRoleGroupLabels } from './default-role-groups';
import { ROLE_GROUP_KINDS, isRoleGroupKind, kindOfLabel, type RoleGroupKind } from '../shared/role-group-kind';

export { ROLE_GROUP_KINDS, isRoleGroupKind, type RoleGroupKind };

const KIND_OF_KEY: Record<DefaultRoleGroupKey, RoleGroupKind> = {
	civil_servant_policy: 'civil_servants',
	civil_servant_management: 'civil_servants',
	civil_servant_front_line: 'civil_servants',
	central_administration: 'civil_servants',
	civil_society_organisation: 'civil_society',
	resident: 'civil_society',
	expert: 'other',
	elected_representative: 'other',
	observer: 'other'
};

let guesses: Record<string, RoleGroupKind> | null = null;

/** The default labels in every language, in lower case, with their kind (for forms too). */
export function roleGroupKindGuesses(): Record<string, RoleGroupKind> {
	if (guesses) return guesses;
	const found: Record<string, RoleGroupKind> = {};
	for (const locale of locales) {
		defaultRoleGroupLabels(locale).forEach((label, i) => (found[label.toLocaleLowerCase()] = KIND_OF_KEY[DEFAULT_ROLE_GROUP_KEYS[i]!]));
	}
	guesses = found;
	return found;
}

/** The kind of one label: the workshop's setting first, then the default labels, else "other". */
export function roleGroupKind(label: string, overrides: Record<string, unknown> = {}): RoleGroupKind {
	return kindOfLabel(label, overrides, roleGroupKindGuesses());
}

/** The workshop's overrides (`role_group_kinds`), ignoring anything malformed. */
export async function workshopRoleGroupKinds(db: Executor, workshopId: string): Promise<Record<string, RoleGroupKind>> {
	const [row] = await db.select({ kinds: workshop.roleGroupKinds }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
	return parseRoleGroupKinds(row?.kinds);
}

/** A stored `role_group_kinds` value, ignoring anything malformed. */
export function parseRoleGroupKinds(stored: string | null | undefined): Record<string, RoleGroupKind> {
	try {
		const parsed: unknown = JSON.parse(stored ?? '{}');
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
		return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isRoleGroupKind(v))) as Record<string, RoleGroupKind>;
	} catch {
		return {};
	}
}
