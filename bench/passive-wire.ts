/**
 * A passive room member on a bare TCP socket: it performs the WebSocket upgrade itself, speaks just
 * enough of the y-websocket sync protocol to be a full member of the room (it asks for the whole
 * document and answers the server's state request with "nothing new"), answers pings, and otherwise
 * only counts frames and bytes. No `ws` parser, no Yjs, no per-message events: reading a frame is a
 * header scan, so one bench process can hold a thousand members without measuring itself. To the
 * server it is indistinguishable from a stock client that has nothing to add.
 */
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/** A client frame: FIN + opcode, masked with the all-zero key (allowed; the payload stays as is). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
	if (payload.length > 0xffff) throw new Error('payloads up to 64 KiB only');
	const head = payload.length < 126 ? Buffer.of(0x80 | opcode, 0x80 | payload.length) : Buffer.of(0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff);
	return Buffer.concat([head, Buffer.alloc(4), payload]);
}

// messageSync = 0; step1 = 0 carrying an empty state vector ([0]); step2 = 1 carrying an empty update ([0, 0]).
const ASK_ALL = clientFrame(0x2, Uint8Array.of(0, 0, 1, 0));
const NOTHING_NEW = clientFrame(0x2, Uint8Array.of(0, 1, 2, 0, 0));

export interface MemberTarget {
	/** ws:// URL of the room. */
	url: string;
	headers: Record<string, string>;
	/** Publish and renew an awareness state, as stock clients do (wire-presence.ts). */
	awareness?: boolean;
}

export class WireMember {
	synced = false;
	closed = false;
	frames = 0;
	bytes = 0;
	readonly #socket: Socket;
	#upgraded = false;
	#head: Buffer = Buffer.alloc(0);
	/** Bytes of the current frame's payload still to skip. */
	#skip = 0;
	/** Opcode and first payload bytes of the current frame, while they matter. */
	#opcode = 0;
	#peek: number[] = [];
	#want = 0;
	#onSync: ((synced: boolean) => void)[] = [];

	constructor(target: MemberTarget) {
		const url = new URL(target.url);
		this.#socket = connect(Number(url.port), url.hostname);
		this.#socket.setNoDelay(true);
		const headers = Object.entries(target.headers)
			.map(([k, v]) => `${k}: ${v}\r\n`)
			.join('');
		this.#socket.on('connect', () =>
			this.#socket.write(
				`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${headers}\r\n`
			)
		);
		this.#socket.on('data', (chunk: Buffer) => this.#data(chunk));
		this.#socket.on('error', () => {}); // a refused or reset socket shows up as not synced
		this.#socket.on('close', () => {
			this.closed = true;
			for (const f of this.#onSync.splice(0)) f(false); // refused, or dropped before the sync
		});
	}

	/** True once the first sync completed; false if the socket closed before. */
	whenSynced(): Promise<boolean> {
		return new Promise((resolve) => (this.synced ? resolve(true) : this.closed ? resolve(false) : this.#onSync.push(resolve)));
	}

	/** Sends one binary message (a y-websocket message). */
	send(message: Uint8Array): void {
		this.#socket.write(clientFrame(0x2, message));
	}

	/** Drops the connection without a close handshake, as a phone that loses its network does. */
	close(): void {
		this.#socket.destroy();
	}

	/** Closes with the WebSocket handshake (code 1000); resolves once the server has closed too. */
	closeCleanly(): Promise<void> {
		return new Promise((resolve) => {
			if (this.closed) return resolve();
			this.#socket.once('close', () => resolve());
			this.#socket.write(clientFrame(0x8, Uint8Array.of(0x03, 0xe8)));
		});
	}

	#data(chunk: Buffer): void {
		this.bytes += chunk.length;
		if (!this.#upgraded) {
			const all = Buffer.concat([this.#head, chunk]);
			const end = all.indexOf('\r\n\r\n');
			if (end < 0) return void (this.#head = all);
			if (!all.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 101')) return this.close();
			this.#upgraded = true;
			this.#head = Buffer.alloc(0);
			this.#socket.write(ASK_ALL);
			chunk = all.subarray(end + 4);
		}
		this.#scan(chunk);
	}

	/** Walks the frames in `chunk`, carrying partial headers and payloads over to the next chunk. */
	#scan(chunk: Buffer): void {
		let i = 0;
		while (i < chunk.length) {
			if (this.#skip > 0) {
				const n = Math.min(this.#skip, chunk.length - i);
				for (let k = 0; k < n && this.#peek.length < this.#want; k++) this.#peek.push(chunk[i + k]!);
				i += n;
				this.#skip -= n;
				if (this.#skip === 0) this.#frameDone();
				continue;
			}
			// Accumulate a header: 2 bytes, plus 2 or 8 bytes of extended length (server frames are unmasked).
			const head = this.#head.length > 0 ? Buffer.concat([this.#head, chunk.subarray(i)]) : chunk.subarray(i);
			if (head.length < 2) return void (this.#head = Buffer.from(head));
			const short = head[1]! & 0x7f;
			const size = short === 126 ? 4 : short === 127 ? 10 : 2;
			if (head.length < size) return void (this.#head = Buffer.from(head));
			const length = short === 126 ? head.readUInt16BE(2) : short === 127 ? Number(head.readBigUInt64BE(2)) : short;
			i += size - this.#head.length;
			this.#head = Buffer.alloc(0);
			this.#opcode = head[0]! & 0x0f;
			this.#peek = [];
			// Only the first two payload bytes of a binary frame (sync and sub-type) matter until synced;
			// control frames are kept whole to echo a ping.
			this.#want = this.#opcode >= 0x8 ? length : this.synced ? 0 : 2;
			this.#skip = length;
			if (length === 0) this.#frameDone();
		}
	}

	#frameDone(): void {
		const opcode = this.#opcode;
		if (opcode === 0x9) return void this.#socket.write(clientFrame(0xa, Uint8Array.from(this.#peek)));
		if (opcode === 0x8) return void this.#socket.end();
		if (opcode !== 0x2 && opcode !== 0x0) return;
		this.frames++;
		if (this.synced || this.#peek[0] !== 0) return;
		if (this.#peek[1] === 0) this.#socket.write(NOTHING_NEW);
		else if (this.#peek[1] === 1) {
			this.synced = true;
			for (const f of this.#onSync.splice(0)) f(true);
		}
	}
}
