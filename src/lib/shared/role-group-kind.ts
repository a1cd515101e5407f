/**
 * The side of the room a role group is on, for results shown side by side: civil servants, civil
 * society, or others. Each workshop label has one kind (guessed for the default labels, set by
 * the facilitator for any other).
 */
export const ROLE_GROUP_KINDS = ['civil_servants', 'civil_society', 'other'] as const;
export type RoleGroupKind = (typeof ROLE_GROUP_KINDS)[number];

export function isRoleGroupKind(value: unknown): value is RoleGroupKind {
	return typeof value === 'string' && (ROLE_GROUP_KINDS as readonly string[]).includes(value);
}

/** The kind of a label: the workshop's setting, then the guesses (lower-case labels), else "other". */
export function kindOfLabel(label: string, settings: Record<string, unknown>, guesses: Record<string, RoleGroupKind>): RoleGroupKind {
	const set = settings[label];
	if (isRoleGroupKind(set)) return set;
	return guesses[label.trim().toLocaleLowerCase()] ?? 'other';
}
