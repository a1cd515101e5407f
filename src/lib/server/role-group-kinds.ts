/**
 * Which side of the room a role group is on, for results shown side by side: civil servants,
 * civil society, or others. The default role groups are known in every language the app has; a
 * workshop can set (or correct) the kind of any label in its `role_group_kinds`.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from './db/executor';
import { workshop } from './db/schema';
import { locales } from '../paraglide/runtime.js';
import { DEFAULT_ROLE_GROUP_KEYS, type DefaultRoleGroupKey } from '../shared/agenda';
import { defaultRoleGroupLabels } from './default-role-groups';

export const ROLE_GROUP_KINDS = ['civil_servants', 'civil_society', 'other'] as const;
export type RoleGroupKind = (typeof ROLE_GROUP_KINDS)[number];

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

export function isRoleGroupKind(value: unknown): value is RoleGroupKind {
	return typeof value === 'string' && (ROLE_GROUP_KINDS as readonly string[]).includes(value);
}

let defaults: Map<string, RoleGroupKind> | null = null;

/** Default labels in every language, folded to lower case, with their kind. */
function defaultKinds(): Map<string, RoleGroupKind> {
	if (defaults) return defaults;
	defaults = new Map();
	for (const locale of locales) {
		defaultRoleGroupLabels(locale).forEach((label, i) => defaults!.set(label.toLocaleLowerCase(), KIND_OF_KEY[DEFAULT_ROLE_GROUP_KEYS[i]!]));
	}
	return defaults;
}

/** The kind of one label: the workshop's setting first, then the default labels, else "other". */
export function roleGroupKind(label: string, overrides: Record<string, unknown> = {}): RoleGroupKind {
	const set = overrides[label];
	if (isRoleGroupKind(set)) return set;
	return defaultKinds().get(label.trim().toLocaleLowerCase()) ?? 'other';
}

/** The workshop's overrides (`role_group_kinds`), ignoring anything malformed. */
export function workshopRoleGroupKinds(db: Executor, workshopId: string): Record<string, RoleGroupKind> {
	const row = db.select({ kinds: workshop.roleGroupKinds }).from(workshop).where(eq(workshop.id, workshopId)).get();
	try {
		const parsed: unknown = JSON.parse(row?.kinds ?? '{}');
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
		return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isRoleGroupKind(v))) as Record<string, RoleGroupKind>;
	} catch {
		return {};
	}
}
