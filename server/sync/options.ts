/** Every tunable of the sync server in one place, with the defaults used in production. */

/** How a room sends committed updates and awareness changes to its peers (fanout.ts). */
export interface FanoutOptions {
	/**
	 * Largest share of CPU time one room may spend fanning out (0–1). After a fan-out that cost
	 * t ms of CPU the next starts t / share ms after it began at the earliest; what is committed
	 * meanwhile is merged into that one. 0: always wait `fanoutMaxDelayMs`.
	 */
	fanoutMaxShare: number;
	/** The wait above never exceeds this, ms. */
	fanoutMaxDelayMs: number;
	/** Authors in one batch who get a merge without their own updates; more get the full merge. */
	fanoutMaxAuthors: number;
	/**
	 * Unchanged awareness states (renewals) ride along with the room's next fan-out; when none comes
	 * within this, ms, they get one of their own (keep it well under the 30 s awareness timeout).
	 */
	awarenessRenewalDelayMs: number;
}

export interface SyncOptions extends FanoutOptions {
	/**
	 * Group commit window of the update log: at most one commit per window; a change arriving after
	 * a quiet moment is committed at the end of the event-loop turn (update-log.ts). At most 50 ms.
	 */
	groupCommitMs: number;
	/** Largest accepted frame, bytes. Larger frames close the connection (1009). */
	maxMessageBytes: number;
	/** Close a connection whose unsent data exceeds this (a client that does not read). */
	maxBufferedBytes: number;
	/** Token bucket per connection: burst size and refill per second. */
	rateBurst: number;
	ratePerSecond: number;
	/** Ping every interval; a connection that missed the previous pong is dropped. */
	pingIntervalMs: number;
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
	compactAfterUpdates: 1000,
	fanoutMaxShare: 0.5,
	fanoutMaxDelayMs: 50,
	fanoutMaxAuthors: 8,
	awarenessRenewalDelayMs: 2000
};
