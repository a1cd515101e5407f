/**
 * A room: one loaded Yjs document, its awareness, and the connections editing it.
 * Every document change is appended to the update log and only broadcast once committed,
 * so whatever a peer has seen is on disk.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../src/lib/shared/protocol';
import { log } from '../../src/lib/server/logger';
import type { UpdateLog } from '../../src/lib/server/update-log';
import { awarenessFrame, step1Frame, step2Frame, updateFrame } from './frames';

/** A connection as the room sees it. */
export interface Peer {
	readonly readOnly: boolean;
	send(frame: Uint8Array): void;
	close(close: { code: number; reason: string }): void;
}

/** Origin of changes made by the server itself (not by a connection). */
export const SERVER_ORIGIN = Symbol('server');
const LOAD_ORIGIN = Symbol('load');

export class Room {
	readonly doc = new Y.Doc();
	readonly awareness: awarenessProtocol.Awareness;
	/** Each peer with the awareness client ids it controls. */
	readonly peers = new Map<Peer, Set<number>>();
	#log: UpdateLog;
	#compactAfter: number;
	#lastId: number;
	#tail: number;
	#pending = 0;
	#durable: Promise<unknown> = Promise.resolve();
	#broken = false;

	constructor(
		readonly name: string,
		updateLog: UpdateLog,
		compactAfter: number,
		/** Called after each committed change (the server reacts to participants' notes here). */
		private readonly onCommitted: (room: Room) => void = () => {}
	) {
		this.#log = updateLog;
		this.#compactAfter = compactAfter;
		const stored = updateLog.load(name);
		this.#lastId = stored.lastId;
		this.#tail = stored.tail;
		this.doc.transact(() => {
			for (const u of stored.updates) Y.applyUpdate(this.doc, u, LOAD_ORIGIN);
		}, LOAD_ORIGIN);
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#persist(update, origin));
		this.awareness.on('update', this.#onAwareness);
	}

	/** True once storing failed; the registry then drops the room and the next client reloads it. */
	get broken(): boolean {
		return this.#broken;
	}

	/** Welcomes a peer: the server's state vector and the current awareness states. */
	join(peer: Peer): void {
		this.peers.set(peer, new Set());
		peer.send(step1Frame(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) peer.send(awarenessFrame(this.awareness, states));
	}

	/** Removes a peer and the awareness states it controlled. */
	leave(peer: Peer): void {
		const ids = this.peers.get(peer);
		this.peers.delete(peer);
		if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
	}

	/** Answers a sync step 1 once every change applied so far is durable. */
	async answerStep1(peer: Peer, sv: Uint8Array): Promise<void> {
		while (this.#pending > 0) await this.#durable;
		if (this.peers.has(peer)) peer.send(step2Frame(this.doc, sv));
	}

	/**
	 * Applies an update from a peer. Throws when it cannot be applied; whatever part of it was
	 * integrated before the error is still emitted as an update, so memory and log stay in step.
	 */
	applyFromPeer(peer: Peer, update: Uint8Array): void {
		Y.applyUpdate(this.doc, update, peer);
	}

	/** Applies an awareness update from a peer. */
	applyAwareness(peer: Peer, update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
	}

	/** Sends all awareness states to one peer. */
	sendAwareness(peer: Peer): void {
		const states = [...this.awareness.getStates().keys()];
		peer.send(awarenessFrame(this.awareness, states));
	}

	/** Resolves once everything applied so far is committed. */
	async flushed(): Promise<void> {
		while (this.#pending > 0) await this.#durable;
	}

	/** Flushes, folds the log into a snapshot when it has a tail, and frees the document. */
	async close(): Promise<void> {
		this.#log.flush();
		await this.flushed();
		if (!this.#broken && this.#tail > 0) this.#compact();
		this.awareness.destroy();
		this.doc.destroy();
	}

	#persist(update: Uint8Array, origin: unknown): void {
		if (origin === LOAD_ORIGIN || this.#broken) return;
		this.#pending++;
		const frame = updateFrame(update);
		this.#durable = this.#log.append(this.name, update).then(
			(id) => {
				this.#pending--;
				this.#lastId = id;
				this.#tail++;
				for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
				if (this.#tail >= this.#compactAfter && this.#pending === 0) this.#compact();
				if (origin !== SERVER_ORIGIN) this.onCommitted(this);
			},
			(error: unknown) => {
				this.#pending--;
				this.#fail(error);
			}
		);
	}

	#compact(): void {
		try {
			this.#log.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.#lastId);
			this.#tail = 0;
		} catch (error) {
			log.error('compaction failed; the update log is kept', { doc: this.name, error });
		}
	}

	#fail(error: unknown): void {
		if (this.#broken) return;
		this.#broken = true;
		log.error('document storage failed; closing its connections', { doc: this.name, error });
		for (const peer of [...this.peers.keys()]) peer.close(CloseCode.Unavailable);
	}

	#onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		const ids = origin && typeof origin === 'object' ? this.peers.get(origin as Peer) : undefined;
		if (ids) {
			for (const id of added) ids.add(id);
			for (const id of removed) ids.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		const frame = awarenessFrame(this.awareness, changed);
		for (const peer of this.peers.keys()) peer.send(frame);
	};
}
