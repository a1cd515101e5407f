/**
 * Frame fuzzing against the real sync endpoint: random bytes, mutated valid frames, truncated
 * frames and absurd length prefixes, sent over as many sockets as it takes (a bad frame closes
 * its socket, by design).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { addNote } from '../../src/lib/shared/doc-schema';

export interface FuzzResult {
	frames: number;
	connections: number;
	closeCodes: Record<number, number>;
}

function rnd(n: number): number {
	return Math.floor(Math.random() * n);
}

/** A handful of valid frames to mutate: sync step 1/2, updates, awareness. */
export function seedFrames(): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	const sync = (type: number, payload: Uint8Array) => {
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, type);
		encoding.writeVarUint8Array(e, payload);
		return encoding.toUint8Array(e);
	};
	doc.on('update', (u: Uint8Array) => frames.push(sync(2, u)));
	for (let i = 0; i < 5; i++) addNote(doc, `fuzz-${i}`, `note ${i}`);
	doc.getText('t').insert(0, 'hello fuzz');
	frames.push(sync(0, Y.encodeStateVector(doc)));
	frames.push(sync(1, Y.encodeStateAsUpdate(doc)));
	const aw = new awarenessProtocol.Awareness(doc);
	aw.setLocalState({ user: { name: 'fuzz' } });
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 1);
	encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]));
	frames.push(encoding.toUint8Array(e));
	aw.destroy();
	return frames;
}

/** One fuzzed frame. */
export function fuzzFrame(seeds: Uint8Array[]): Uint8Array {
	const base = seeds[rnd(seeds.length)]!;
	switch (rnd(6)) {
		case 0: {
			const out = new Uint8Array(1 + rnd(64));
			crypto.getRandomValues(out);
			return out;
		}
		case 1: {
			const out = base.slice();
			for (let i = 0, n = 1 + rnd(4); i < n; i++) out[rnd(out.length)] = rnd(256);
			return out;
		}
		case 2:
			return base.slice(0, rnd(base.length));
		case 3: {
			// An absurd length prefix after the message type.
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, rnd(2));
			encoding.writeVarUint(e, rnd(3));
			encoding.writeVarUint(e, 0x7fffffff);
			encoding.writeUint8Array(e, base.slice(0, 8));
			return encoding.toUint8Array(e);
		}
		case 4: {
			const out = new Uint8Array(base.length + 1 + rnd(16));
			out.set(base);
			crypto.getRandomValues(out.subarray(base.length));
			return out;
		}
		default:
			return base;
	}
}

/** Sends `frames` fuzzed frames to `url` over up to `parallel` sockets at a time. */
export async function fuzz(url: string, headers: Record<string, string>, frames: number, parallel = 4): Promise<FuzzResult> {
	const seeds = seedFrames();
	const result: FuzzResult = { frames: 0, connections: 0, closeCodes: {} };
	const worker = async () => {
		while (result.frames < frames) {
			result.connections++;
			await new Promise<void>((resolve) => {
				const ws = new WebSocket(url, { headers });
				let sent = 0;
				const pump = () => {
					// Bursts stay under the rate limit; a closed socket ends the burst.
					while (ws.readyState === ws.OPEN && sent < 50 && result.frames < frames) {
						ws.send(fuzzFrame(seeds));
						sent++;
						result.frames++;
					}
					if (ws.readyState === ws.OPEN) ws.close(1000);
				};
				ws.on('open', pump);
				ws.on('message', () => {});
				ws.on('close', (code) => {
					result.closeCodes[code] = (result.closeCodes[code] ?? 0) + 1;
					resolve();
				});
				ws.on('error', () => resolve());
			});
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	return result;
}
