/**
 * The database layer's promises, on whichever dialect this project runs (SQLite in `integration`,
 * PostgreSQL in `integration-pg`): transactions commit or roll back as a whole, a statement outside
 * a transaction never joins (or is rolled back with) someone else's, queries sent on the database
 * from inside a transaction are refused, and unique violations are recognised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDb, type DbHandle } from '../../src/lib/server/db/client';
import { isPostgresUrl } from '../../src/lib/server/db/dialect';
import { isUniqueViolation } from '../../src/lib/server/db/errors';
import { OutsideTransactionError } from '../../src/lib/server/db/tx-context';
import { organisation, user } from '../../src/lib/server/db/schema';
import { databaseFor } from '../helpers/test-database';
import { removeDir, tempDir } from '../helpers/server';

const dir = tempDir('rightsboard-db-');
let handle: DbHandle;

beforeAll(async () => {
	const database = await databaseFor(dir);
	handle = await openDb(isPostgresUrl(database) ? { kind: 'postgres', url: database } : { kind: 'sqlite', path: database });
});

afterAll(async () => {
	await handle?.close();
	await removeDir(dir);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const newUser = () => {
	n++;
	return { id: `u${n}`, email: `u${n}@example.org`, displayName: `User ${n}`, passwordHash: 'x', createdAt: Date.now() };
};
const exists = async (id: string) => (await handle.db.select({ id: user.id }).from(user).where(eq(user.id, id))).length === 1;

describe(`database layer (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
	it('commits a transaction as a whole and returns its value', async () => {
		const [a, b] = [newUser(), newUser()];
		const out = await handle.db.transaction(async (tx) => {
			await tx.insert(user).values(a);
			await tx.insert(user).values(b);
			return 'done';
		});
		expect(out).toBe('done');
		expect(await exists(a.id)).toBe(true);
		expect(await exists(b.id)).toBe(true);
	});

	it('rolls a failed transaction back as a whole', async () => {
		const a = newUser();
		await expect(
			handle.db.transaction(async (tx) => {
				await tx.insert(user).values(a);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await exists(a.id)).toBe(false);
	});

	it('keeps a statement sent meanwhile out of a transaction that rolls back', async () => {
		const [inside, outside] = [newUser(), newUser()];
		const failing = handle.db.transaction(async (tx) => {
			await tx.insert(user).values(inside);
			await sleep(30); // another request's statement arrives while this transaction is open
			throw new Error('rolled back');
		});
		await sleep(5);
		await handle.db.insert(user).values(outside);
		await expect(failing).rejects.toThrow('rolled back');
		expect(await exists(inside.id)).toBe(false);
		expect(await exists(outside.id)).toBe(true);
	});

	it('refuses a query sent on the database from inside a transaction', async () => {
		await expect(handle.db.transaction(async () => handle.db.select().from(user))).rejects.toBeInstanceOf(OutsideTransactionError);
	});

	it('refuses a transaction object used after its body returned', async () => {
		let leaked: Parameters<Parameters<typeof handle.db.transaction>[0]>[0] | undefined;
		await handle.db.transaction(async (tx) => {
			leaked = tx;
		});
		await expect(leaked!.select().from(user)).rejects.toThrow(/already ended/);
	});

	it('rolls back only the inner part of a nested transaction that failed', async () => {
		const [outer, inner] = [newUser(), newUser()];
		await handle.db.transaction(async (tx) => {
			await tx.insert(user).values(outer);
			await tx
				.transaction(async (sp) => {
					await sp.insert(user).values(inner);
					throw new Error('inner failed');
				})
				.catch(() => {});
		});
		expect(await exists(outer.id)).toBe(true);
		expect(await exists(inner.id)).toBe(false);
	});

	it('recognises a unique violation', async () => {
		const a = newUser();
		await handle.db.insert(user).values(a);
		const error = await handle.db
			.insert(user)
			.values({ ...a, id: 'other' })
			.then(() => null, (e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(isUniqueViolation(new Error('something else'))).toBe(false);
	});

	it('runs concurrent read-then-write transactions as if one after another', async () => {
		const id = 'counter-org';
		await handle.db.insert(organisation).values({ id, name: '0', createdAt: 0 });
		await Promise.all(
			Array.from({ length: 20 }, () =>
				handle.db.transaction(async (tx) => {
					const [row] = await tx.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, id));
					await tx.update(organisation).set({ name: String(Number(row!.name) + 1) }).where(eq(organisation.id, id));
				})
			)
		);
		const [row] = await handle.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, id));
		expect(row!.name).toBe('20');
	});

	it('reads integer times back as numbers and flags as booleans', async () => {
		const a = { ...newUser(), createdAt: 1_796_000_000_123 };
		await handle.db.insert(user).values(a);
		const [row] = await handle.db.select().from(user).where(eq(user.id, a.id));
		expect(row!.createdAt).toBe(1_796_000_000_123);
	});
});
