/**
 * A room's fan-out: how committed updates and awareness changes reach its peers.
 *
 * - Updates enter only once committed (the room calls `committed` from the update log's promise), so
 *   whatever a peer is sent is on disk; everything committed since the last fan-out goes out as one
 *   merged update (update-batch.ts), followed by the awareness changes (awareness-batch.ts).
 * - Each fan-out is framed once: the WebSocket bytes are built once and the same Buffer is written
 *   to every socket, one write per peer however many messages it carries (ws-frame.ts).
 * - A fan-out runs as soon as the current task is done (a microtask: a commit resolves all its
 *   appends at once, so everything one commit held is gathered) unless the previous one was
 *   recent: a room spends at most `fanoutMaxShare` of the CPU time fanning out. After a fan-out
 *   that cost t ms of CPU the next waits until t / share ms after the previous began (never more
 *   than `fanoutMaxDelayMs`). A quiet room is therefore never delayed; a room whose fan-out cannot
 *   keep up merges more updates into each frame instead of queueing frames, so the work per peer
 *   stays bounded as the write rate grows.
 */
import type { Awareness } from 'y-protocols/awareness';
import { AwarenessBatch } from './awareness-batch';
import { sweepDepartedClients } from './awareness-forget';
import { awarenessFrame, updateFrame } from './frames';
import { mergeBatch, type Committed } from './update-batch';
import { PreparedFrame } from './ws-frame';
import type { FanoutOptions } from './options';

/** A receiver. Connections take a prepared frame as it is; anything else gets its messages. */
export interface FanoutPeer {
	send(frame: Uint8Array): void;
	sendPrepared?(frame: PreparedFrame): void;
}

function prepare(...messages: (Uint8Array | null)[]): PreparedFrame | null {
	const present = messages.filter((m): m is Uint8Array => m !== null);
	return present.length > 0 ? new PreparedFrame(present) : null;
}

function deliver(peer: FanoutPeer, frame: PreparedFrame): void {
	if (peer.sendPrepared) peer.sendPrepared(frame);
	else for (const m of frame.messages) peer.send(m);
}

export class Fanout {
	#updates: Committed[] = [];
	#awarenessBatch: AwarenessBatch;
	#timer: NodeJS.Timeout | null = null;
	#queued = false;
	/** Earliest start of the next fan-out (performance.now() time). */
	#notBefore = 0;
	#closed = false;
	#stopSweep: () => void;

	constructor(
		private readonly peers: ReadonlyMap<FanoutPeer, unknown>,
		private readonly awareness: Awareness,
		private readonly options: FanoutOptions
	) {
		this.#awarenessBatch = new AwarenessBatch(awareness, () => this.#schedule(), options.awarenessRenewalDelayMs);
		// The room's awareness would otherwise remember every client that ever visited (awareness-forget.ts).
		this.#stopSweep = sweepDepartedClients(awareness);
	}

	/** Queues an update that is committed to the log; `origin` (its author) is not sent it back. */
	committed(update: Uint8Array, origin: unknown): void {
		if (this.#closed) return;
		this.#updates.push({ update, origin });
		this.#schedule();
	}

	/** Stops: drops what is queued and cancels timers (the room is unloading, nobody is left). */
	close(): void {
		this.#closed = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#updates = [];
		this.#awarenessBatch.dispose();
		this.#stopSweep();
	}

	#schedule(): void {
		if (this.#closed || this.#timer || this.#queued) return;
		const wait = this.#notBefore - performance.now();
		if (wait <= 0) {
			this.#queued = true;
			queueMicrotask(this.#flush);
		} else {
			this.#timer = setTimeout(this.#flush, wait);
			this.#timer.unref();
		}
	}

	#flush = (): void => {
		this.#timer = null;
		this.#queued = false;
		if (this.#closed) return;
		const start = performance.now();
		const cpuStart = process.cpuUsage();
		const updates = this.#updates;
		this.#updates = [];
		const ids = this.#awarenessBatch.take(); // renewals included: they ride along (awareness-batch.ts)
		if (updates.length === 0 && ids.length === 0) return;
		const aware = ids.length > 0 ? awarenessFrame(this.awareness, ids) : null;
		const batch = updates.length > 0 ? mergeBatch(updates, this.options.fanoutMaxAuthors) : null;
		const shared = prepare(batch && updateFrame(batch.all), aware);
		const forAuthor = new Map<unknown, PreparedFrame | null>();
		for (const [author, own] of batch?.forAuthor ?? []) forAuthor.set(author, prepare(own && updateFrame(own), aware));
		for (const peer of this.peers.keys()) {
			const frame = forAuthor.has(peer) ? (forAuthor.get(peer) ?? null) : shared;
			if (frame) deliver(peer, frame);
		}
		// CPU time, not wall time: the bound is on the work, and a fan-out that other processes
		// pre-empted was not more work (delaying the next one would only add latency).
		const cpu = process.cpuUsage(cpuStart);
		const took = (cpu.user + cpu.system) / 1000;
		const share = this.options.fanoutMaxShare;
		this.#notBefore = start + Math.min(share > 0 ? took / share : Number.POSITIVE_INFINITY, this.options.fanoutMaxDelayMs);
	};
}
