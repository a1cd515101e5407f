/**
 * The one query surface of the app, whichever database runs underneath: drizzle's SQLite builder
 * in its asynchronous form. Every query is awaited; a transaction is `db.transaction(async (tx) => …)`
 * and everything inside it uses `tx`. Functions that take an Executor can be combined into one
 * transaction by their caller.
 */
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './sqlite';

export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
