/**
 * Organisations and memberships. Every organisation has at least one owner from the start:
 * it is created together with its owner's membership in one transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { membership, organisation, user as userTable } from './db/schema';
import { newId } from './ids';
import { writeAudit } from './audit';
import { InputError, throwIfIssues } from './input-error';
import { checkOrganisationName } from '../shared/account-rules';
import { isRole, type Role } from '../shared/roles';

export { ROLES, isRole, type Role } from '../shared/roles';

export interface OrganisationSummary {
	id: string;
	name: string;
}

export interface UserOrganisation extends OrganisationSummary {
	role: Role;
}

export interface Membership {
	role: Role;
	createdAt: number;
}

/** Trims an organisation name and returns it with its issue code, if any. */
export function validateOrganisationName(raw: string): { name: string; issue: string | null } {
	const name = raw.trim();
	return { name, issue: checkOrganisationName(name) };
}

/**
 * Inserts an organisation (name already valid) with `ownerUserId` as owner, and audits it.
 * Takes an Executor so it can share a transaction with the owner's account creation.
 */
export async function insertOrganisation(tx: Executor, name: string, ownerUserId: string, now = Date.now()): Promise<OrganisationSummary> {
	const org = { id: newId(), name };
	await tx.insert(organisation).values({ ...org, createdAt: now });
	await tx.insert(membership).values({ organisationId: org.id, userId: ownerUserId, role: 'owner', createdAt: now });
	await writeAudit(tx, { action: 'organisation.create', organisationId: org.id, actorUserId: ownerUserId, subject: org.id }, now);
	return org;
}

/** Creates an organisation owned by `ownerUserId`; throws InputError on a bad name. */
export async function createOrganisation(db: Db, name: string, ownerUserId: string): Promise<OrganisationSummary> {
	const checked = validateOrganisationName(name);
	throwIfIssues({ organisation: checked.issue });
	return db.transaction((tx) => insertOrganisation(tx, checked.name, ownerUserId));
}

/** The organisations a user belongs to, with their role, by name. */
export async function listUserOrganisations(db: Executor, userId: string): Promise<UserOrganisation[]> {
	const rows = await db
		.select({ id: organisation.id, name: organisation.name, role: membership.role })
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(eq(membership.userId, userId))
		.orderBy(asc(organisation.name), asc(organisation.id));
	// A role the code does not know (hand-edited row) grants nothing rather than something.
	return rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, name: r.name, role: r.role }] : []));
}

/** The user's membership of the organisation, or null. */
export async function getMembership(db: Executor, organisationId: string, userId: string): Promise<Membership | null> {
	const [row] = await db
		.select({ role: membership.role, createdAt: membership.createdAt })
		.from(membership)
		.where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
		.limit(1);
	return row && isRole(row.role) ? { role: row.role, createdAt: row.createdAt } : null;
}

/**
 * Adds a user to an organisation with `role`. Throws InputError: `role_invalid`,
 * `organisation_not_found`, `user_not_found` or `already_member`.
 */
export async function addMember(db: Db, organisationId: string, userId: string, role: Role, actorUserId: string | null = null): Promise<void> {
	if (!isRole(role)) throw new InputError({ role: 'role_invalid' });
	await db.transaction(async (tx) => {
		const [org] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, organisationId)).limit(1);
		if (!org) throw new InputError({ organisation: 'organisation_not_found' });
		const [found] = await tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.id, userId)).limit(1);
		if (!found) throw new InputError({ user: 'user_not_found' });
		if (await getMembership(tx, organisationId, userId)) throw new InputError({ user: 'already_member' });
		const now = Date.now();
		await tx.insert(membership).values({ organisationId, userId, role, createdAt: now });
		await writeAudit(tx, { action: 'membership.add', organisationId, actorUserId, subject: userId, detail: role }, now);
	});
}
