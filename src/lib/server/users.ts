/**
 * Accounts: creation with validated, normalised fields, lookup by email, and credential checks
 * that take the same time whether or not the email has an account.
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { user as userTable } from './db/schema';
import { newId } from './ids';
import { writeAudit } from './audit';
import { InputError, throwIfIssues } from './input-error';
import { dummyVerify, hashPassword, verifyPassword } from './auth/password';
import { checkDisplayName, checkEmail, checkPassword, normaliseEmail } from '../shared/account-rules';

export interface NewUserInput {
	email: string;
	displayName: string;
	password: string;
}

export interface UserSummary {
	id: string;
	email: string;
	displayName: string;
}

/** A new user's fields, normalised, with a code per invalid field (empty when all are valid). */
export function validateNewUser(input: NewUserInput): {
	email: string;
	displayName: string;
	issues: Record<string, string | null>;
} {
	const email = normaliseEmail(input.email);
	const displayName = input.displayName.trim();
	return {
		email,
		displayName,
		issues: { email: checkEmail(email), displayName: checkDisplayName(displayName), password: checkPassword(input.password) }
	};
}

/**
 * Inserts a user whose fields are already valid and whose password is already hashed.
 * Takes an Executor so callers can put it in one transaction with related rows (the duplicate
 * check then still holds at insert). Throws InputError `email_taken` when the address has an account.
 */
export async function insertUser(
	tx: Executor,
	fields: { email: string; displayName: string; passwordHash: string },
	now = Date.now()
): Promise<UserSummary> {
	const [taken] = await tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.email, fields.email)).limit(1);
	if (taken) throw new InputError({ email: 'email_taken' });
	const row = { id: newId(), email: fields.email, displayName: fields.displayName };
	await tx.insert(userTable).values({ ...row, passwordHash: fields.passwordHash, createdAt: now });
	await writeAudit(tx, { action: 'user.create', actorUserId: row.id, subject: row.id }, now);
	return row;
}

/** Creates an account; throws InputError with a code per invalid field, or `email_taken`. */
export async function createUser(db: Db, input: NewUserInput): Promise<UserSummary> {
	const { email, displayName, issues } = validateNewUser(input);
	throwIfIssues(issues);
	const passwordHash = await hashPassword(input.password);
	// One transaction around the duplicate check and the insert, so no other request or process
	// (the CLI) can insert the same email between our check and our insert.
	return db.transaction((tx) => insertUser(tx, { email, displayName, passwordHash }));
}

/** The account with this email (any case, surrounding spaces ignored), or null. */
export async function findUserByEmail(db: Executor, email: string): Promise<(UserSummary & { passwordHash: string }) | null> {
	const [row] = await db
		.select({ id: userTable.id, email: userTable.email, displayName: userTable.displayName, passwordHash: userTable.passwordHash })
		.from(userTable)
		.where(eq(userTable.email, normaliseEmail(email)))
		.limit(1);
	return row ?? null;
}

/** The account when email and password match, else null; same work done either way. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<UserSummary | null> {
	const found = await findUserByEmail(db, email);
	if (!found) return dummyVerify(password).then(() => null);
	if (!(await verifyPassword(password, found.passwordHash))) return null;
	return { id: found.id, email: found.email, displayName: found.displayName };
}

/** How many accounts exist. */
export async function countUsers(db: Executor): Promise<number> {
	return (await db.select({ n: count() }).from(userTable))[0]?.n ?? 0;
}
