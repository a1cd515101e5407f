/**
 * What connects the instances of a deployment: committed document updates and awareness changes
 * fan out to the other instances holding the same room, and server-side writes to a document take
 * a lock shared by all instances. With one instance (no REDIS_URL) the relay is local: nothing to
 * fan out, and the document locks are this process's own.
 */
import type { RoomOutbox } from './room';
import { KeyedLock } from './keyed-lock';

/** Who is connected to a workshop through one instance (participant ids), and who of them is writing. */
export interface PresenceShare {
	participants: string[];
	writing: string[];
}

/** Receives a room's traffic from other instances. */
export interface RelaySink {
	update(seq: number, update: Uint8Array): void;
	awareness(update: Uint8Array): void;
}

export interface Relay extends RoomOutbox {
	/** True when other instances may hold the same rooms (they must catch up before writing). */
	readonly shared: boolean;
	/** Starts delivering `room`'s traffic to `sink`; resolves once nothing can be missed from now on. */
	join(room: string, sink: RelaySink): Promise<void>;
	/** Stops delivering `room`'s traffic. */
	leave(room: string): void;
	/** Runs `fn` while no other server-side write to `doc` runs, on any instance. */
	lockDoc<T>(doc: string, fn: () => Promise<T>): Promise<T>;
	/** Records this instance's share of a workshop's presence; returns the union over all live instances. */
	combinePresence(workshopId: string, local: PresenceShare): Promise<PresenceShare>;
	/** Called after a broken connection to the other instances is restored: rooms must catch up. */
	onResync(listener: () => void): void;
	close(): Promise<void>;
}

export class LocalRelay implements Relay {
	readonly shared = false;
	#locks = new KeyedLock();

	update(): void {}
	awareness(): void {}
	async join(): Promise<void> {}
	leave(): void {}
	lockDoc<T>(doc: string, fn: () => Promise<T>): Promise<T> {
		return this.#locks.run(doc, fn);
	}
	async combinePresence(_workshopId: string, local: PresenceShare): Promise<PresenceShare> {
		return local;
	}
	onResync(): void {}
	async close(): Promise<void> {}
}
