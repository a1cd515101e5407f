/** Roles in an organisation: owners manage it, facilitators run workshops, members take part. */

export const ROLES = ['owner', 'facilitator', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Type guard for values read from forms or the database. */
export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
