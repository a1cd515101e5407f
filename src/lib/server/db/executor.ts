/**
 * What a synchronous query function may run on: the database itself or an open transaction.
 * Functions that take an Executor can be combined into one transaction by their caller.
 */
import type { Db } from './client';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
