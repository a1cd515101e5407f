/**
 * A room: one loaded Yjs document, its awareness, and the connections editing it.
 * Every document change is appended to the update log and only sent out (fanout.ts) once
 * committed, so whatever a peer has seen is on disk. With several instances, committed changes also go out
 * through the relay (Redis), and changes committed by other instances come in through it; each
 * carries its per-document seq, so a room knows which committed updates it holds and fetches any
 * it missed from the log.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../src/lib/shared/protocol';
import { log } from '../../src/lib/server/logger';
import type { UpdateLog } from '../../src/lib/server/update-log';
import { awarenessFrame, step1Frame, step2Frame } from './frames';
import { SeqTracker } from './seq-tracker';
import { Fanout } from './fanout';
import type { FanoutOptions } from './options';

/** A connection as the room sees it. */
export interface Peer {
	readonly readOnly: boolean;
	send(frame: Uint8Array): void;
	close(close: { code: number; reason: string }): void;
}

/** Where a room sends what other instances must see (a no-op when this is the only instance). */
export interface RoomOutbox {
	update(room: string, seq: number, update: Uint8Array): void;
	awareness(room: string, update: Uint8Array): void;
}

export interface RoomSetup {
	compactAfter: number;
	outbox: RoomOutbox;
	/** Called after each committed change of a connection (the server reacts to participants' notes here). */
	onCommitted: (room: Room) => void;
	/** Fan-out tunables (options.ts). */
	tuning: FanoutOptions;
}

/** Origin of changes made by the server itself (not by a connection). */
export const SERVER_ORIGIN = Symbol('server');
const LOAD_ORIGIN = Symbol('load');
/** Changes committed elsewhere (another instance, or the log): already durable, only broadcast. */
const REMOTE_ORIGIN = Symbol('remote');
/** How long a gap in the seqs received from other instances may last before the log is asked. */
const GAP_WAIT_MS = 250;

export class Room {
	readonly doc = new Y.Doc();
	readonly awareness: awarenessProtocol.Awareness;
	/** Each peer with the awareness client ids it controls. */
	readonly peers = new Map<Peer, Set<number>>();
	#log: UpdateLog;
	#options: RoomSetup;
	#seqs: SeqTracker;
	#tail: number;
	#pending = 0;
	#durable: Promise<unknown> = Promise.resolve();
	#broken = false;
	#gapTimer: NodeJS.Timeout | null = null;
	#catchingUp: Promise<void> | null = null;
	#fanout: Fanout;

	/** Loads the stored document (snapshot + tail) and returns the room serving it. */
	static async load(name: string, updateLog: UpdateLog, options: RoomSetup): Promise<Room> {
		const stored = await updateLog.load(name);
		return new Room(name, updateLog, options, stored.updates, stored.seq, stored.tail);
	}

	private constructor(
		readonly name: string,
		updateLog: UpdateLog,
		options: RoomSetup,
		updates: Uint8Array[],
		seq: number,
		tail: number
	) {
		this.#log = updateLog;
		this.#options = options;
		this.#seqs = new SeqTracker(seq);
		this.#tail = tail;
		this.doc.transact(() => {
			for (const u of updates) Y.applyUpdate(this.doc, u, LOAD_ORIGIN);
		}, LOAD_ORIGIN);
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null);
		this.#fanout = new Fanout(this.peers, this.awareness, options.tuning);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', this.#onAwareness);
	}

	/** True once storing failed; the registry then drops the room and the next client reloads it. */
	get broken(): boolean {
		return this.#broken;
	}

	/** The seq up to which this room holds every committed update of its document. */
	get seq(): number {
		return this.#seqs.contiguous;
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

	/** Applies an update another instance committed as `seq`; a gap in the seqs is filled from the log. */
	applyRemote(seq: number, update: Uint8Array): void {
		if (this.#broken || !this.#seqs.add(seq)) return;
		Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
		this.#watchGap();
	}

	/** Applies awareness changes relayed from another instance. */
	applyRemoteAwareness(update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
	}

	/** Brings the room up to everything committed to its document so far (from the log). */
	catchUp(): Promise<void> {
		return (this.#catchingUp ??= this.#readLog().finally(() => (this.#catchingUp = null)));
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
		if (this.#gapTimer) clearTimeout(this.#gapTimer);
		void this.#log.flush();
		await this.flushed();
		if (!this.#broken && this.#tail > 0) await this.#compact();
		this.#fanout.close();
		this.awareness.destroy();
		this.doc.destroy();
	}

	async #readLog(): Promise<void> {
		const stored = await this.#log.since(this.name, this.#seqs.contiguous);
		if (this.#broken) return;
		Y.transact(this.doc, () => {
			for (const u of stored.updates) Y.applyUpdate(this.doc, u, REMOTE_ORIGIN);
		}, REMOTE_ORIGIN);
		this.#seqs.fillTo(stored.seq);
		this.#tail = stored.tail;
	}

	#watchGap(): void {
		if (!this.#seqs.hasGap || this.#gapTimer) return;
		this.#gapTimer = setTimeout(() => {
			this.#gapTimer = null;
			if (!this.#seqs.hasGap) return;
			this.catchUp().catch((error: unknown) => log.error('catching up from the log failed', { doc: this.name, error }));
		}, GAP_WAIT_MS);
		this.#gapTimer.unref();
	}

	#onUpdate(update: Uint8Array, origin: unknown): void {
		if (origin === LOAD_ORIGIN || this.#broken) return;
		if (origin === REMOTE_ORIGIN) {
			this.#fanout.committed(update, REMOTE_ORIGIN);
			return;
		}
		this.#pending++;
		this.#durable = this.#log.append(this.name, update).then(
			(seq) => {
				this.#pending--;
				this.#seqs.add(seq);
				this.#tail++;
				this.#fanout.committed(update, origin);
				this.#options.outbox.update(this.name, seq, update);
				this.#watchGap();
				if (this.#tail >= this.#options.compactAfter && this.#pending === 0 && !this.#seqs.hasGap) void this.#compact();
				if (origin !== SERVER_ORIGIN) this.#options.onCommitted(this);
			},
			(error: unknown) => {
				this.#pending--;
				this.#fail(error);
			}
		);
	}

	async #compact(): Promise<void> {
		// Only a document that holds every update up to its seq may stand in for them.
		if (this.#seqs.hasGap) return;
		const upto = this.#seqs.contiguous;
		const state = Y.encodeStateAsUpdate(this.doc);
		this.#tail = 0;
		try {
			await this.#log.compact(this.name, state, upto);
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
		// Sending to this room's peers is the fan-out's (it listens to the same awareness and batches);
		// other instances get the change through the outbox.
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		if (origin !== REMOTE_ORIGIN) this.#options.outbox.awareness(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
	};
}
