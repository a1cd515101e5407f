/**
 * Participants: people who join a workshop by link or code, without an account. Their device
 * keeps a random 160-bit token in a cookie scoped to the workshop; the database keeps only
 * its SHA-256, as for sessions. Facilitators list and remove participants.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/client';
import { participant as participantTable, workshop } from './db/schema';
import { readCookie, sessionIdOf } from './auth/session';
import { writeAudit } from './audit';
import { newId, newToken } from './ids';
import { throwIfIssues } from './input-error';
import { JoinError } from './join-error';
import { getJoinWorkshop, requireWorkshopManager } from './join-credentials';
import { liveHub } from './live/hub';

export const DISPLAY_NAME_MAX = 60;
export const PARTICIPANT_ORGANISATION_MAX = 120;
const DAY = 24 * 60 * 60 * 1000;
/** How long a device stays joined without coming back. */
export const PARTICIPANT_COOKIE_LIFETIME_MS = 30 * DAY;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** The name of the cookie that holds a device's participant token for one workshop. */
export const PARTICIPANT_COOKIE = (workshopId: string): string => `rb_p_${workshopId}`;

export interface Participant {
	id: string;
	workshopId: string;
	/** Null for someone who stays anonymous. */
	displayName: string | null;
	roleGroup: string;
	organisation: string | null;
	language: string;
	createdAt: number;
}

export interface JoinInput {
	/** Null to stay anonymous. */
	displayName: string | null;
	roleGroup: string;
	organisation: string | null;
	language: string;
	/** Agreed that the workshop report may thank their organisation by name (kept only with an organisation). */
	acknowledgeOrganisation?: boolean;
}

const columns = {
	id: participantTable.id,
	workshopId: participantTable.workshopId,
	displayName: participantTable.displayName,
	roleGroup: participantTable.roleGroup,
	organisation: participantTable.organisation,
	language: participantTable.language,
	createdAt: participantTable.createdAt
};

/** Checks and trims what someone typed; throws InputError per field. */
function checkJoinInput(input: JoinInput, roleGroups: readonly string[]): JoinInput {
	const displayName = input.displayName === null ? null : input.displayName.trim();
	const organisation = input.organisation?.trim() || null;
	throwIfIssues({
		displayName:
			displayName === ''
				? 'display_name_required'
				: displayName !== null && displayName.length > DISPLAY_NAME_MAX
					? 'display_name_too_long'
					: null,
		roleGroup: roleGroups.includes(input.roleGroup) ? null : 'role_group_unknown',
		organisation: organisation && organisation.length > PARTICIPANT_ORGANISATION_MAX ? 'organisation_too_long' : null,
		language: LANGUAGE_PATTERN.test(input.language) ? null : 'language_invalid'
	});
	return { displayName, roleGroup: input.roleGroup, organisation, language: input.language, acknowledgeOrganisation: !!input.acknowledgeOrganisation && organisation !== null };
}

/**
 * Adds a participant to an open workshop and returns them with the token for their cookie.
 * Throws JoinError (no such workshop, joining closed) or InputError (bad fields).
 */
export async function joinWorkshop(db: Db, workshopId: string, input: JoinInput, now = Date.now()): Promise<{ participant: Participant; token: string }> {
	const token = newToken();
	// One transaction: closing joining cannot slip in between the check and the insert.
	const participant = await db.transaction(async (tx) => {
		const target = await getJoinWorkshop(tx, workshopId);
		if (!target) throw new JoinError('not_found');
		if (!target.joiningOpen) throw new JoinError('closed');
		const { acknowledgeOrganisation, ...checked } = checkJoinInput(input, target.roleGroups);
		const joined: Participant = { id: newId(), workshopId, ...checked, createdAt: now };
		await tx.insert(participantTable).values({ ...joined, acknowledgeOrganisation, tokenHash: sessionIdOf(token) });
		return joined;
	});
	return { participant, token };
}

/** The participant a token belongs to in this workshop, or null (unknown, other workshop, removed). */
export async function authenticateParticipant(db: Db, workshopId: string, token: string): Promise<Participant | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await db
		.select(columns)
		.from(participantTable)
		.where(
			and(
				eq(participantTable.tokenHash, sessionIdOf(token)),
				eq(participantTable.workshopId, workshopId),
				isNull(participantTable.removedAt)
			)
		)
		.limit(1);
	return row ?? null;
}

/** The participant named by this workshop's cookie in a raw Cookie header (for the sync upgrade). */
export async function participantFromCookieHeader(db: Db, workshopId: string, cookieHeader: string | undefined): Promise<Participant | null> {
	const token = readCookie(cookieHeader, PARTICIPANT_COOKIE(workshopId));
	return token ? authenticateParticipant(db, workshopId, token) : null;
}

/** The workshop's current participants, first joined first (facilitators only). */
export async function listParticipants(db: Db, actorUserId: string, workshopId: string): Promise<Participant[]> {
	await requireWorkshopManager(db, actorUserId, workshopId);
	return db
		.select(columns)
		.from(participantTable)
		.where(and(eq(participantTable.workshopId, workshopId), isNull(participantTable.removedAt)))
		.orderBy(asc(participantTable.createdAt), asc(participantTable.id));
}

/**
 * Revokes a participant: their device is no longer admitted and their live connections close.
 * What they wrote stays. Returns false when there was no such current participant.
 */
export async function removeParticipant(db: Db, actorUserId: string, workshopId: string, participantId: string, now = Date.now()): Promise<boolean> {
	const removed = await db.transaction(async (tx) => {
		await requireWorkshopManager(tx, actorUserId, workshopId);
		const changed = await tx
			.update(participantTable)
			.set({ removedAt: now })
			.where(
				and(
					eq(participantTable.id, participantId),
					eq(participantTable.workshopId, workshopId),
					isNull(participantTable.removedAt)
				)
			)
			.returning({ id: participantTable.id });
		if (changed.length === 0) return false;
		const [org] = await tx.select({ id: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
		// No name in the audit entry: the log outlives the workshop and anonymity must hold there too.
		await writeAudit(tx, { action: 'participant.remove', organisationId: org?.id, actorUserId, subject: participantId, detail: workshopId }, now);
		return true;
	});
	if (removed) liveHub()?.disconnectParticipant(participantId);
	return removed;
}
