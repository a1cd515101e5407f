/**
 * WebSocket frames built once and written to many sockets. Frames from server to client are not
 * masked (RFC 6455 §5.1), so the bytes on the wire are the same for every receiver of a broadcast:
 * the frame is assembled once per fan-out and the same Buffer is written to each socket, instead of
 * `ws` framing the message again for each (a header allocation and a corked two-buffer write per
 * socket). Node does not copy a written Buffer, so a slow reader holding it costs no extra memory.
 */
import type { WebSocket } from 'ws';

/** One or more complete binary WebSocket frames, and the y-websocket messages they carry. */
export class PreparedFrame {
	/** The bytes to write to a socket as they are. */
	readonly wire: Buffer;

	constructor(readonly messages: readonly Uint8Array[]) {
		let size = 0;
		for (const m of messages) size += headerSize(m.byteLength) + m.byteLength;
		const wire = Buffer.allocUnsafe(size);
		let at = 0;
		for (const m of messages) {
			at = writeHeader(wire, at, m.byteLength);
			wire.set(m, at);
			at += m.byteLength;
		}
		this.wire = wire;
	}
}

function headerSize(length: number): number {
	return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

/** FIN + binary opcode, then the payload length in its shortest form; never masked. */
function writeHeader(buf: Buffer, at: number, length: number): number {
	buf[at] = 0x82;
	if (length < 126) {
		buf[at + 1] = length;
		return at + 2;
	}
	if (length < 65536) {
		buf[at + 1] = 126;
		buf.writeUInt16BE(length, at + 2);
		return at + 4;
	}
	buf[at + 1] = 127;
	buf.writeBigUInt64BE(BigInt(length), at + 2);
	return at + 10;
}

/** The parts of a `ws` 8 server socket the direct write relies on (checked at every write). */
interface WsInternals {
	_socket?: { writable: boolean; write(chunk: Buffer): boolean } | null;
	_sender?: { _state: number; _queue: unknown[] } | null;
}

/**
 * Writes `frame` to the socket under `ws`. Written straight to the TCP socket when `ws` has nothing
 * of its own queued (its queue is used only while compressing or reading a Blob, neither of which
 * the sync server does), so frames cannot interleave; otherwise through `ws.send`, message by message.
 * Either way the bytes count in `ws.bufferedAmount` (the socket's writable length), which the
 * slow-reader limit reads.
 */
export function writePrepared(ws: WebSocket, frame: PreparedFrame): void {
	const internals = ws as unknown as WsInternals;
	const socket = internals._socket;
	const sender = internals._sender;
	if (socket?.writable && sender && sender._state === 0 && sender._queue.length === 0) {
		socket.write(frame.wire);
		return;
	}
	for (const m of frame.messages) ws.send(m, { binary: true });
}
