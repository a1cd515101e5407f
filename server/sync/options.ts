/** Every tunable of the sync server in one place, with the defaults used in production. */
export interface SyncOptions {
	/** Largest accepted frame, bytes. Larger frames close the connection (1009). */
	maxMessageBytes: number;
	/** Close a connection whose unsent data exceeds this (a client that does not read). */
	maxBufferedBytes: number;
	/** Token bucket per connection: burst size and refill per second. */
	rateBurst: number;
	ratePerSecond: number;
	/** Ping every interval; a connection that missed the previous pong is dropped. */
	pingIntervalMs: number;
	/** Group commit window: updates arriving within it share one transaction. At most 50 ms. */
	groupCommitMs: number;
	/** Fold the update log into a snapshot once this many updates follow the snapshot. */
	compactAfterUpdates: number;
}

export const defaultSyncOptions: SyncOptions = {
	maxMessageBytes: 1024 * 1024,
	maxBufferedBytes: 8 * 1024 * 1024,
	rateBurst: 400,
	ratePerSecond: 200,
	pingIntervalMs: 30_000,
	groupCommitMs: 5,
	compactAfterUpdates: 1000
};
