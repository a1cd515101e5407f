/**
 * The room registry: one Room per loaded document. A room loads before its first connection
 * is served and unloads (flushed and compacted) after its last connection leaves; a client
 * arriving during an unload waits for it and gets a freshly loaded room. Loading subscribes to
 * the relay first and reads the log second, so no update committed elsewhere falls in between.
 */
import { log } from '../../src/lib/server/logger';
import type { UpdateLog } from '../../src/lib/server/update-log';
import { Room, type Peer } from './room';
import type { Relay } from './relay';
import type { FanoutOptions } from './options';

export interface RegistryOptions {
	updateLog: UpdateLog;
	relay: Relay;
	compactAfter: number;
	/** Runs once per load, before anyone is served (server-owned content is brought up to date here). */
	onLoad?: (room: Room) => Promise<void>;
	onCommitted?: (room: Room) => void;
	/** Fan-out tunables. */
	tuning: FanoutOptions;
}

type Buffered = { seq: number; update: Uint8Array } | { awareness: Uint8Array };

export class RoomRegistry {
	#rooms = new Map<string, Room>();
	#loading = new Map<string, Promise<void>>();
	#closing = new Map<string, Promise<void>>();

	constructor(private readonly options: RegistryOptions) {}

	/** Joins `peer` to the loaded room for `name`, loading it first if needed. */
	async acquire(name: string, peer: Peer): Promise<Room> {
		for (;;) {
			for (let c = this.#closing.get(name); c; c = this.#closing.get(name)) await c;
			const room = this.#rooms.get(name);
			if (room && room.broken) {
				this.#unload(room);
				continue;
			}
			if (!room) {
				let loading = this.#loading.get(name);
				if (!loading) {
					loading = this.#load(name).finally(() => this.#loading.delete(name));
					this.#loading.set(name, loading);
				}
				await loading;
				continue; // look again: it may have been unloaded before this caller resumed
			}
			// Joined in the same tick as the lookup, so a concurrent release cannot unload it under us.
			room.join(peer);
			return room;
		}
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

	/** Resolves when every load and unload in progress has finished. */
	async settled(): Promise<void> {
		await Promise.allSettled([...this.#loading.values()]);
		await Promise.all(this.#closing.values());
	}

	/** All loaded rooms. */
	loaded(): Room[] {
		return [...this.#rooms.values()];
	}

	async #load(name: string): Promise<void> {
		const { relay, updateLog } = this.options;
		let room: Room | null = null;
		const early: Buffered[] = [];
		await relay.join(name, {
			update: (seq, update) => (room ? room.applyRemote(seq, update) : early.push({ seq, update })),
			awareness: (update) => (room ? room.applyRemoteAwareness(update) : early.push({ awareness: update }))
		});
		let loaded: Room;
		try {
			loaded = await Room.load(name, updateLog, {
				compactAfter: this.options.compactAfter,
				outbox: relay,
				onCommitted: this.options.onCommitted ?? (() => {}),
				tuning: this.options.tuning
			});
			for (const m of early) {
				if ('awareness' in m) loaded.applyRemoteAwareness(m.awareness);
				else loaded.applyRemote(m.seq, m.update);
			}
			room = loaded;
			await this.options.onLoad?.(loaded);
		} catch (error) {
			relay.leave(name);
			throw error;
		}
		this.#rooms.set(name, loaded);
	}

	#unload(room: Room): void {
		if (this.#rooms.get(room.name) !== room) return;
		this.#rooms.delete(room.name);
		const closing = room
			.close()
			.catch((error: unknown) => log.error('room unload failed', { doc: room.name, error }))
			.finally(() => {
				this.options.relay.leave(room.name);
				if (this.#closing.get(room.name) === closing) this.#closing.delete(room.name);
			});
		this.#closing.set(room.name, closing);
	}
}
