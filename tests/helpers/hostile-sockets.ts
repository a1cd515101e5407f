/**
 * Hostile clients of the sync endpoint, one socket each: a burst of fuzzed frames, an oversized
 * frame, a text frame, a flood, and a slow reader that asks for a large document and never reads.
 * Each resolves with the frames it sent and the close code its socket saw.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { fuzzFrame } from './fuzz';

export interface SocketOutcome {
	frames: number;
	/** Close code the client saw; 1006 when the connection dropped without a close frame. */
	code: number;
}

export type Target = { url: string; headers: Record<string, string> };

/** Opens a socket, runs `onOpen` once it is open, and resolves with its close code. */
function session(target: Target, onOpen: (ws: WebSocket) => number, onReady?: (ws: WebSocket) => void): Promise<SocketOutcome> {
	return new Promise((resolve) => {
		const ws = new WebSocket(target.url, { headers: target.headers });
		let frames = 0;
		let done = false;
		const finish = (code: number) => {
			if (done) return;
			done = true;
			resolve({ frames, code });
		};
		ws.on('open', () => {
			frames = onOpen(ws);
			onReady?.(ws);
		});
		ws.on('message', () => {});
		ws.on('close', (code) => finish(code));
		// An error is always followed by 'close' once the socket existed; a refused upgrade is not.
		ws.on('error', () => {
			if (ws.readyState === ws.CLOSED) finish(1006);
		});
		ws.on('unexpected-response', (_req, res) => {
			finish(-(res.statusCode ?? 0));
			ws.terminate();
		});
	});
}

/** Up to `max` fuzzed frames in one burst (under the rate limit), then a normal close. */
export function fuzzBurst(target: Target, seeds: Uint8Array[], max: number): Promise<SocketOutcome> {
	return session(target, (ws) => {
		let sent = 0;
		while (ws.readyState === ws.OPEN && sent < max) {
			ws.send(fuzzFrame(seeds));
			sent++;
		}
		if (ws.readyState === ws.OPEN) ws.close(1000);
		return sent;
	});
}

/** One frame just over the 1 MiB limit. */
export function oversized(target: Target, limit = 1024 * 1024): Promise<SocketOutcome> {
	return session(target, (ws) => {
		const frame = new Uint8Array(limit + 1 + Math.floor(Math.random() * 1024));
		frame[0] = 0; // a sync message, so only its size is wrong
		ws.send(frame);
		return 1;
	});
}

/** One text frame (the protocol is binary only). */
export function textFrame(target: Target): Promise<SocketOutcome> {
	return session(target, (ws) => {
		ws.send('{"type":"sync"}');
		return 1;
	});
}

/** Far more well-formed frames than the rate limit allows, as fast as possible. */
export function flood(target: Target, count = 1000): Promise<SocketOutcome> {
	return session(target, (ws) => {
		const query = new Uint8Array([3]); // "query awareness": valid, and answered each time
		let sent = 0;
		while (ws.readyState === ws.OPEN && sent < count) {
			ws.send(query);
			sent++;
		}
		return sent;
	});
}

/** A sync step 1 with an empty state vector: "send me the whole document". */
export function wholeDocumentRequest(): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
	return encoding.toUint8Array(e);
}

/**
 * A reader that stops reading: it pauses its socket, asks `requests` times for a large document
 * and waits for `serverGaveUp` (e.g. the server logging the slow-reader close) before it reads
 * again, so the close frame queued behind the data can still arrive.
 */
export function slowReader(target: Target, requests: number, serverGaveUp: () => Promise<void>): Promise<SocketOutcome> {
	return session(
		target,
		(ws) => {
			ws.pause();
			const ask = wholeDocumentRequest();
			for (let i = 0; i < requests; i++) ws.send(ask);
			return requests;
		},
		(ws) => {
			void serverGaveUp().then(() => ws.resume());
		}
	);
}
