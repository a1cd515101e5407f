/**
 * Which transaction, if any, the running code is inside. A query sent on the database itself
 * (not on the transaction object) from inside an open transaction would run outside it: on
 * PostgreSQL on another connection, on SQLite inside the same connection but past the
 * transaction's lock. Both are bugs, so the database refuses such a query with a clear error.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TxScope {
	/** False once the transaction committed or rolled back (timers it started may still run). */
	open: boolean;
}

const KEY = Symbol.for('rightsboard.tx-scope');
type Holder = { [KEY]?: AsyncLocalStorage<TxScope> };
// One store per process: the app bundle and the sync-server bundle share transactions' scopes.
const storage = ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<TxScope>());

/** Runs `body` as the inside of a transaction; the scope closes when it settles. */
export async function inTxScope<T>(body: () => Promise<T>): Promise<T> {
	const scope: TxScope = { open: true };
	try {
		return await storage.run(scope, body);
	} finally {
		scope.open = false;
	}
}

export class OutsideTransactionError extends Error {
	constructor() {
		super('A query inside a transaction was sent on the database instead of the transaction object: pass the transaction (tx) on to the code that ran it.');
		this.name = 'OutsideTransactionError';
	}
}

/** Throws when called from inside an open transaction. */
export function assertNotInTransaction(): void {
	if (storage.getStore()?.open) throw new OutsideTransactionError();
}
