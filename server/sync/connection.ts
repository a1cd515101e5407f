/**
 * One client socket: decodes y-websocket frames, enforces size, rate and buffer limits,
 * refuses changes from read-only connections, and keeps the room informed.
 */
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../src/lib/shared/protocol';
import { log } from '../../src/lib/server/logger';
import type { Peer, Room } from './room';
import type { SyncOptions } from './options';
import { TokenBucket } from './rate';
import { wouldChange } from './update-check';
import { rewriteCaseAwareness } from './case-awareness';
import { rewriteActionsAwareness } from './actions-awareness';
import { mayWriteNow } from './write-guard';
import type { Principal } from './upgrade';
import { writePrepared, type PreparedFrame } from './ws-frame';
import { advancesAwareness } from './awareness-echo';

const MAX_EARLY_FRAMES = 64;
/** Frames held while an earlier frame of the same connection waits for the database. */
const MAX_QUEUED_FRAMES = 1000;

export class Connection implements Peer {
	alive = true;
	#room: Room | null = null;
	#early: Uint8Array[] = [];
	/** Frames waiting behind one whose handling needs the database: handled strictly in order. */
	#queued: Uint8Array[] = [];
	#busy = false;
	#bucket: TokenBucket;
	#closed = false;
	/** Bytes by which an oversized frame raised the send limit, until the queue drains (see #fits). */
	#headroom = 0;

	constructor(
		readonly ws: WebSocket,
		readonly readOnly: boolean,
		readonly doc: string,
		private readonly options: SyncOptions,
		readonly principal: Principal
	) {
		this.#bucket = new TokenBucket(options.rateBurst, options.ratePerSecond);
		ws.binaryType = 'nodebuffer';
		ws.on('message', (data: Buffer, isBinary: boolean) => this.#receive(data, isBinary));
		ws.on('pong', () => (this.alive = true));
		ws.on('error', (error) => log.debug('socket error', { doc, error: error.message }));
	}

	/** Binds the connection to the room it joined and replays frames that arrived during the load. */
	attach(room: Room): void {
		if (this.#closed) return;
		this.#room = room;
		const early = this.#early;
		this.#early = [];
		for (const frame of early) {
			if (this.#closed) break; // an earlier frame got the connection closed: the rest is moot
			this.#dispatch(frame);
		}
	}

	get closed(): boolean {
		return this.#closed;
	}

	send(frame: Uint8Array): void {
		if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
		if (!this.#fits(frame.byteLength)) return;
		this.ws.send(frame, { binary: true });
	}

	/** Sends a frame prepared once for many connections (a room's fan-out), under the same limit. */
	sendPrepared(frame: PreparedFrame): void {
		if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
		if (!this.#fits(frame.wire.byteLength)) return;
		writePrepared(this.ws, frame);
	}

	/**
	 * Whether a frame of `size` bytes may be queued; if not, the connection is closed as a slow
	 * reader. The limit is `maxBufferedBytes` of unsent data. A frame that alone is larger (a large
	 * document's state on joining, or many updates merged into one fan-out) still goes to a reader
	 * whose queue is empty, and the limit grows by its excess until that queue has drained: a reader
	 * that keeps up is never shut out, one that stops reading is closed as soon as anything more
	 * arrives, and what waits for it stays below the limit plus one frame.
	 */
	#fits(size: number): boolean {
		const waiting = this.ws.bufferedAmount;
		if (waiting === 0) this.#headroom = Math.max(0, size - this.options.maxBufferedBytes);
		else if (waiting + size > this.options.maxBufferedBytes + this.#headroom) {
			this.#refuse(CloseCode.SlowReader, 'send buffer full');
			return false;
		}
		return true;
	}

	close(close: { code: number; reason: string }): void {
		if (this.#closed) return;
		this.#closed = true;
		try {
			this.ws.close(close.code, close.reason);
		} catch (error) {
			log.debug('close failed; terminating', { doc: this.doc, error: String(error) });
			this.ws.terminate();
		}
		// A peer that does not answer the close handshake is cut off.
		setTimeout(() => this.ws.terminate(), 2000).unref();
	}

	#refuse(close: { code: number; reason: string }, detail: string): void {
		if (this.#closed) return; // one line per connection, however many frames were queued
		log.warn('sync connection closed', { doc: this.doc, code: close.code, reason: detail });
		this.close(close);
	}

	#receive(data: Buffer, isBinary: boolean): void {
		if (this.#closed) return;
		if (!this.#bucket.take()) return this.#refuse(CloseCode.RateLimited, 'rate limit');
		if (!isBinary) return this.#refuse(CloseCode.MalformedMessage, 'text frame');
		const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
		if (!this.#room) {
			if (this.#early.length >= MAX_EARLY_FRAMES) return this.#refuse(CloseCode.RateLimited, 'too many frames before load');
			this.#early.push(frame);
			return;
		}
		this.#dispatch(frame);
	}

	/** Handles a frame now, or after the frames before it when one of them is still being checked. */
	#dispatch(frame: Uint8Array): void {
		if (this.#busy) {
			if (this.#queued.length >= MAX_QUEUED_FRAMES) return this.#refuse(CloseCode.RateLimited, 'too many frames while checking');
			this.#queued.push(frame);
			return;
		}
		const pending = this.#handle(frame);
		if (pending) void this.#drainAfter(pending);
	}

	async #drainAfter(pending: Promise<void>): Promise<void> {
		this.#busy = true;
		try {
			await pending;
			while (this.#queued.length > 0 && !this.#closed) await this.#handle(this.#queued.shift()!);
		} finally {
			this.#queued = [];
			this.#busy = false;
		}
	}

	/** Handles one frame; returns a promise only when it had to wait for the database. */
	#handle(frame: Uint8Array): Promise<void> | void {
		const room = this.#room!;
		try {
			const decoder = decoding.createDecoder(frame);
			const type = decoding.readVarUint(decoder);
			switch (type) {
				case MessageType.Sync:
					return this.#handleSync(room, decoder);
				case MessageType.Awareness: {
					const update = decoding.readVarUint8Array(decoder);
					// Mostly the echo of what the room just sent (awareness-echo.ts): dropped unread.
					if (!advancesAwareness(room.awareness, update)) return;
					// On case documents the server decides what each cursor is labelled with.
					if (this.doc.startsWith('case.')) return this.#checked(rewriteCaseAwareness(this, update), (rewritten) => room.applyAwareness(this, rewritten));
					// On the action points only "editing or not" travels, for everyone.
					if (this.doc.startsWith('actions.')) return room.applyAwareness(this, rewriteActionsAwareness(update));
					// Participants share presence only in their own document: on shared documents a
					// client-chosen name could undo the anonymity of others' view of the room.
					if (this.principal.kind === 'participant' && !this.doc.startsWith('mine.')) return;
					return room.applyAwareness(this, update);
				}
				case MessageType.QueryAwareness:
					return room.sendAwareness(this);
				case MessageType.Auth:
					return; // the stock client never sends it; authorisation happened at the upgrade
				default:
					return this.#refuse(CloseCode.MalformedMessage, `unknown message type ${type}`);
			}
		} catch (error) {
			this.#refuse(CloseCode.MalformedMessage, error instanceof Error ? error.message : String(error));
		}
	}

	/** Continues with `then` once `pending` resolves; a failure closes the connection like a malformed frame. */
	#checked<T>(pending: Promise<T>, then: (value: T) => void): Promise<void> {
		return pending.then(
			(value) => {
				// The socket may have closed (and left its room) while the database answered.
				if (!this.#closed && this.ws.readyState === this.ws.OPEN) then(value);
			},
			(error: unknown) => this.#refuse(CloseCode.MalformedMessage, error instanceof Error ? error.message : String(error))
		);
	}

	#handleSync(room: Room, decoder: decoding.Decoder): Promise<void> | void {
		const sub = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (sub === SyncMessageType.Step1) {
			Y.decodeStateVector(payload); // throws on a malformed state vector, before any await
			room.answerStep1(this, payload).catch((error: unknown) => log.error('sync step 2 failed', { doc: this.doc, error }));
			return;
		}
		if (sub !== SyncMessageType.Step2 && sub !== SyncMessageType.Update) {
			return this.#refuse(CloseCode.MalformedMessage, `unknown sync message ${sub}`);
		}
		const refuseChange = () => {
			if (wouldChange(room.doc, payload)) this.#refuse(CloseCode.ReadOnly, 'change on a read-only connection');
		};
		if (this.readOnly) return refuseChange();
		const allowed = mayWriteNow(this);
		if (allowed === true) return room.applyFromPeer(this, payload);
		if (allowed === false) return refuseChange();
		return this.#checked(allowed, (ok) => (ok ? room.applyFromPeer(this, payload) : refuseChange()));
	}
}
