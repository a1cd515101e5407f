/**
 * The ways into a workshop without an account: a join link carrying a random 160-bit token,
 * and a short code people can type. Facilitators can close joining and rotate both at once
 * (the old link and code then stop working).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor, Tx } from './db/executor';
import { isUniqueViolation } from './db/errors';
import { workshop } from './db/schema';
import { workshopRole, managesWorkshops } from './access';
import { writeAudit } from './audit';
import { newToken } from './ids';
import { JoinError } from './join-error';
import { roleGroupsOf } from './join-role-groups';

/** Upper-case letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 8;
const MAX_ATTEMPTS = 10;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export interface JoinCredentials {
	joinToken: string;
	shortCode: string;
}

/** What the join pages show about a workshop: nothing about its organisation or people. */
export interface JoinWorkshop {
	id: string;
	title: string;
	purpose: string;
	language: string;
	joiningOpen: boolean;
	roleGroups: string[];
}

/** A random short code; rejection sampling keeps every character equally likely. */
export function newShortCode(): string {
	const n = SHORT_CODE_ALPHABET.length;
	const limit = 256 - (256 % n);
	let code = '';
	while (code.length < SHORT_CODE_LENGTH) {
		const bytes = crypto.getRandomValues(new Uint8Array(SHORT_CODE_LENGTH * 2));
		for (const b of bytes) {
			if (b < limit && code.length < SHORT_CODE_LENGTH) code += SHORT_CODE_ALPHABET[b % n];
		}
	}
	return code;
}

/** A typed code as stored: upper case, without spaces or dashes. */
export function normaliseShortCode(input: string): string {
	return input.toUpperCase().replace(/[\s\-‐-―]+/g, '');
}

/** Shows a code in two groups of four, easier to read out and type ("ABCD EFGH"). */
export function formatShortCode(code: string): string {
	return code.length === SHORT_CODE_LENGTH ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** Throws JoinError('forbidden') unless the user owns or facilitates the workshop's organisation. */
export async function requireWorkshopManager(db: Executor, userId: string, workshopId: string): Promise<void> {
	const role = await workshopRole(db, userId, workshopId);
	if (!managesWorkshops(role)) throw new JoinError('forbidden');
}

/**
 * Runs `write` in a transaction with a fresh token and code. A code collision (rare) fails the
 * statement, which ends the transaction on PostgreSQL: so the whole transaction is retried, with
 * another code, from outside.
 */
async function withNewCredentials<T>(db: Db, write: (tx: Tx, fresh: JoinCredentials) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const fresh = { joinToken: newToken(), shortCode: newShortCode() };
		try {
			return await db.transaction((tx) => write(tx, fresh));
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
		}
	}
}

/** The workshop's join token and short code, created on first use. */
export async function ensureJoinCredentials(db: Db, workshopId: string): Promise<JoinCredentials> {
	const existing = await storedCredentials(db, workshopId);
	if (existing) return existing;
	// Read again in the transaction that writes, so two first uses agree on one pair.
	return withNewCredentials(db, async (tx, fresh) => {
		const stored = await storedCredentials(tx, workshopId);
		if (stored) return stored;
		await tx.update(workshop).set(fresh).where(eq(workshop.id, workshopId));
		return fresh;
	});
}

/** The workshop's token and code when it has both; null when it has none yet; JoinError when there is no such workshop. */
async function storedCredentials(db: Executor, workshopId: string): Promise<JoinCredentials | null> {
	const [row] = await db
		.select({ joinToken: workshop.joinToken, shortCode: workshop.shortCode })
		.from(workshop)
		.where(eq(workshop.id, workshopId))
		.limit(1);
	if (!row) throw new JoinError('not_found');
	return row.joinToken && row.shortCode ? { joinToken: row.joinToken, shortCode: row.shortCode } : null;
}

/** Replaces the token and the code; links and codes handed out before stop working. */
export async function rotateJoinLink(db: Db, actorUserId: string, workshopId: string): Promise<JoinCredentials> {
	return withNewCredentials(db, async (tx, fresh) => {
		await requireWorkshopManager(tx, actorUserId, workshopId);
		await tx.update(workshop).set(fresh).where(eq(workshop.id, workshopId));
		await writeAudit(tx, { action: 'workshop.join_rotate', organisationId: await organisationOf(tx, workshopId), actorUserId, subject: workshopId });
		return fresh;
	});
}

/** Opens or closes joining; people who already joined stay in either way. */
export async function setJoiningOpen(db: Db, actorUserId: string, workshopId: string, open: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		await requireWorkshopManager(tx, actorUserId, workshopId);
		await tx.update(workshop).set({ joiningOpen: open }).where(eq(workshop.id, workshopId));
		await writeAudit(tx, {
			action: open ? 'workshop.join_open' : 'workshop.join_close',
			organisationId: await organisationOf(tx, workshopId),
			actorUserId,
			subject: workshopId
		});
	});
}

async function organisationOf(db: Executor, workshopId: string): Promise<string | null> {
	return (await db.select({ id: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1))[0]?.id ?? null;
}

const joinColumns = {
	id: workshop.id,
	title: workshop.title,
	purpose: workshop.purpose,
	language: workshop.language,
	joiningOpen: workshop.joiningOpen,
	roleGroups: workshop.roleGroups
};

/** The workshop as the join pages see it, by id; null when there is none. */
export async function getJoinWorkshop(db: Executor, workshopId: string): Promise<JoinWorkshop | null> {
	const [row] = await db.select(joinColumns).from(workshop).where(eq(workshop.id, workshopId)).limit(1);
	return row ? { ...row, roleGroups: roleGroupsOf(row.roleGroups, row.language) } : null;
}

/** The workshop a join token or typed code opens, or null (also for malformed input). */
export async function findWorkshopForJoin(db: Db, by: { token: string } | { code: string }): Promise<JoinWorkshop | null> {
	let condition;
	if ('token' in by) {
		if (!TOKEN_PATTERN.test(by.token)) return null;
		condition = eq(workshop.joinToken, by.token);
	} else {
		const code = normaliseShortCode(by.code);
		if (code.length !== SHORT_CODE_LENGTH) return null;
		condition = eq(workshop.shortCode, code);
	}
	const [row] = await db.select(joinColumns).from(workshop).where(condition).limit(1);
	return row ? { ...row, roleGroups: roleGroupsOf(row.roleGroups, row.language) } : null;
}
