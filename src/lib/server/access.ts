/**
 * Who may open which synced document, and how. One place for the rule so the sync upgrade
 * and the routes agree.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from './db/executor';
import { membership, workshop } from './db/schema';
import type { DocName } from '../shared/protocol';
import type { Role } from '../shared/roles';

export type { Role };

export type DocAccess = 'write' | 'read' | null;

/** The user's role in the organisation that owns the workshop, or null. */
export async function workshopRole(db: Executor, userId: string, workshopId: string): Promise<Role | null> {
	const [row] = await db
		.select({ role: membership.role })
		.from(workshop)
		.innerJoin(membership, and(eq(membership.organisationId, workshop.organisationId), eq(membership.userId, userId)))
		.where(eq(workshop.id, workshopId))
		.limit(1);
	return (row?.role as Role | undefined) ?? null;
}

/**
 * Access of a signed-in user to a document: owners and facilitators co-edit the board,
 * members read it; the control document is written only by the server, so everyone reads it.
 */
export async function docAccessForUser(db: Executor, userId: string, doc: DocName): Promise<DocAccess> {
	const role = await workshopRole(db, userId, doc.workshopId);
	if (!role) return null;
	// A participant's own document is theirs alone: not even facilitators read it (the join
	// notice promises that anonymous notes cannot be traced to a name).
	if (doc.kind === 'mine') return null;
	if (doc.kind === 'control') return 'read';
	// Case studies: the same rule as the board (whether the case exists is checked at the upgrade).
	return role === 'member' ? 'read' : 'write';
}

/**
 * Access of a participant (already authenticated for `doc.workshopId`): they read the board and
 * the control document, write their own notes document and co-edit the workshop's case studies and
 * action points (both narrowed to the time their activity is on: `case-access.ts`,
 * `action-points/access.ts`).
 */
export function docAccessForParticipant(participantId: string, doc: DocName): DocAccess {
	if (doc.kind === 'mine') return doc.participantId === participantId ? 'write' : null;
	if (doc.kind === 'case' || doc.kind === 'actions') return 'write';
	return 'read';
}

/** Owners and facilitators prepare and run workshops; members only look. The one place for that rule. */
export function managesWorkshops(role: string | null | undefined): boolean {
	return role === 'owner' || role === 'facilitator';
}
