/**
 * The ways into a workshop without an account: a join link carrying a random 160-bit token,
 * and a short code people can type. Facilitators can close joining and rotate both at once
 * (the old link and code then stop working).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
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
export function requireWorkshopManager(db: Db, userId: string, workshopId: string): void {
	const role = workshopRole(db, userId, workshopId);
	if (!managesWorkshops(role)) throw new JoinError('forbidden');
}

function isUniqueViolation(error: unknown): boolean {
	return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Writes a fresh token and code; a code collision (rare) is retried with another code. */
function writeNewCredentials(db: Executor, workshopId: string): JoinCredentials {
	for (let attempt = 1; ; attempt++) {
		const fresh = { joinToken: newToken(), shortCode: newShortCode() };
		try {
			db.update(workshop).set(fresh).where(eq(workshop.id, workshopId)).run();
			return fresh;
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
		}
	}
}

/** The workshop's join token and short code, created on first use. */
export function ensureJoinCredentials(db: Db, workshopId: string): JoinCredentials {
	const row = db
		.select({ joinToken: workshop.joinToken, shortCode: workshop.shortCode })
		.from(workshop)
		.where(eq(workshop.id, workshopId))
		.get();
	if (!row) throw new JoinError('not_found');
	if (row.joinToken && row.shortCode) return { joinToken: row.joinToken, shortCode: row.shortCode };
	return writeNewCredentials(db, workshopId);
}

/** Replaces the token and the code; links and codes handed out before stop working. */
export function rotateJoinLink(db: Db, actorUserId: string, workshopId: string): JoinCredentials {
	requireWorkshopManager(db, actorUserId, workshopId);
	return db.transaction((tx) => {
		const fresh = writeNewCredentials(tx, workshopId);
		writeAudit(tx, { action: 'workshop.join_rotate', organisationId: organisationOf(tx, workshopId), actorUserId, subject: workshopId });
		return fresh;
	});
}

/** Opens or closes joining; people who already joined stay in either way. */
export function setJoiningOpen(db: Db, actorUserId: string, workshopId: string, open: boolean): void {
	requireWorkshopManager(db, actorUserId, workshopId);
	db.transaction((tx) => {
		tx.update(workshop).set({ joiningOpen: open }).where(eq(workshop.id, workshopId)).run();
		writeAudit(tx, {
			action: open ? 'workshop.join_open' : 'workshop.join_close',
			organisationId: organisationOf(tx, workshopId),
			actorUserId,
			subject: workshopId
		});
	});
}

function organisationOf(db: Executor, workshopId: string): string | null {
	return db.select({ id: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).get()?.id ?? null;
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
export function getJoinWorkshop(db: Db, workshopId: string): JoinWorkshop | null {
	const row = db.select(joinColumns).from(workshop).where(eq(workshop.id, workshopId)).get();
	return row ? { ...row, roleGroups: roleGroupsOf(row.roleGroups, row.language) } : null;
}

/** The workshop a join token or typed code opens, or null (also for malformed input). */
export function findWorkshopForJoin(db: Db, by: { token: string } | { code: string }): JoinWorkshop | null {
	let condition;
	if ('token' in by) {
		if (!TOKEN_PATTERN.test(by.token)) return null;
		condition = eq(workshop.joinToken, by.token);
	} else {
		const code = normaliseShortCode(by.code);
		if (code.length !== SHORT_CODE_LENGTH) return null;
		condition = eq(workshop.shortCode, code);
	}
	const row = db.select(joinColumns).from(workshop).where(condition).get();
	return row ? { ...row, roleGroups: roleGroupsOf(row.roleGroups, row.language) } : null;
}
