/** What a query function may run on: the database itself or an open transaction (see types.ts). */
export type { Db, Tx, Executor } from './types';
