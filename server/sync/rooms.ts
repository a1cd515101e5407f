/**
 * The room registry: one Room per loaded document. A room loads before its first connection
 * is served and unloads (flushed and compacted) after its last connection leaves; a client
 * arriving during an unload waits for it and gets a freshly loaded room.
 */
import { log } from '../../src/lib/server/logger';
import { Room, type Peer } from './room';
import type { UpdateLog } from '../../src/lib/server/update-log';

export class RoomRegistry {
	#rooms = new Map<string, Room>();
	#closing = new Map<string, Promise<void>>();

	constructor(
		private readonly updateLog: UpdateLog,
		private readonly compactAfter: number,
		/** Runs once per load, before anyone is served (server-owned content is brought up to date here). */
		private readonly onLoad: (room: Room) => void = () => {},
		private readonly onCommitted: (room: Room) => void = () => {}
	) {}

	/** Joins `peer` to the loaded room for `name`, loading it first if needed. */
	async acquire(name: string, peer: Peer): Promise<Room> {
		for (let c = this.#closing.get(name); c; c = this.#closing.get(name)) await c;
		let room = this.#rooms.get(name);
		if (!room || room.broken) {
			if (room) this.#unload(room);
			room = new Room(name, this.updateLog, this.compactAfter, this.onCommitted);
			this.#rooms.set(name, room);
			this.onLoad(room);
		}
		// Joined in the same tick as the lookup, so a concurrent release cannot unload it under us.
		room.join(peer);
		return room;
	}

	/** Takes a peer out of its room; unloads the room when it was the last. */
	release(room: Room, peer: Peer): void {
		room.leave(peer);
		if (room.peers.size === 0) this.#unload(room);
	}

	/** The loaded room for `name`, if any (for server-side changes and tests). */
	get(name: string): Room | undefined {
		return this.#rooms.get(name);
	}

	get size(): number {
		return this.#rooms.size;
	}

	/** Resolves when every unload in progress has finished. */
	async settled(): Promise<void> {
		await Promise.all(this.#closing.values());
	}

	/** All loaded rooms. */
	all(): Room[] {
		return [...this.#rooms.values()];
	}

	#unload(room: Room): void {
		if (this.#rooms.get(room.name) !== room) return;
		this.#rooms.delete(room.name);
		const closing = room
			.close()
			.catch((error: unknown) => log.error('room unload failed', { doc: room.name, error }))
			.finally(() => {
				if (this.#closing.get(room.name) === closing) this.#closing.delete(room.name);
			});
		this.#closing.set(room.name, closing);
	}
}
