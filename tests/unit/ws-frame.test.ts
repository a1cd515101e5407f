/**
 * Prepared frames over real loopback sockets (a `ws` server and a `ws` client): every payload size
 * class arrives intact, several messages in one write arrive as separate messages in order, a write
 * never overtakes what `ws` still has queued, and the bytes count in `bufferedAmount` (which the
 * slow-reader limit reads).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { PreparedFrame, writePrepared } from '../../server/sync/ws-frame';

let servers: WebSocketServer[] = [];
afterEach(async () => {
	for (const s of servers) {
		for (const c of s.clients) c.terminate();
		await new Promise((r) => s.close(r));
	}
	servers = [];
});

/** A connected pair: the server's side of the socket and the client, collecting what it receives. */
async function pair(perMessageDeflate = false) {
	const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: perMessageDeflate ? { threshold: 0 } : false });
	servers.push(wss);
	await new Promise((r) => wss.once('listening', r));
	const accepted = new Promise<WebSocket>((r) => wss.once('connection', r));
	const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate });
	const received: Buffer[] = [];
	client.on('message', (data: Buffer, isBinary: boolean) => {
		expect(isBinary).toBe(true);
		received.push(data);
	});
	await new Promise((r) => client.once('open', r));
	return { server: await accepted, client, received };
}

const until = async (check: () => boolean) => {
	while (!check()) await new Promise((r) => setTimeout(r, 5));
};

/** Byte-for-byte equality (a deep equality of large buffers would take seconds). */
const same = (got: Buffer[], sent: readonly Uint8Array[]) => got.length === sent.length && got.every((b, i) => b.equals(sent[i]!));

const payload = (size: number, fill: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + fill) & 0xff);

describe('prepared WebSocket frames', () => {
	it('arrive intact for every length encoding, alone and several to one write', async () => {
		const { server, received } = await pair();
		const sizes = [0, 1, 125, 126, 127, 65535, 65536, 200_000];
		const messages = sizes.map((size, i) => payload(size, i));
		for (const m of messages) writePrepared(server, new PreparedFrame([m]));
		writePrepared(server, new PreparedFrame(messages));
		await until(() => received.length === messages.length * 2);
		expect(same(received, [...messages, ...messages])).toBe(true);
	});

	it('one frame object can be written to many sockets', async () => {
		const pairs = await Promise.all([pair(), pair(), pair()]);
		const frame = new PreparedFrame([payload(300, 1), payload(10, 2)]);
		for (const p of pairs) writePrepared(p.server, frame);
		await until(() => pairs.every((p) => p.received.length === 2));
		for (const p of pairs) expect(same(p.received, frame.messages)).toBe(true);
	});

	it('goes through ws.send, in order, while ws has a message of its own queued', async () => {
		const { server, received } = await pair(true);
		const first = payload(100_000, 3);
		server.send(first, { binary: true }); // compressed asynchronously: ws queues what follows
		const second = payload(50, 4);
		writePrepared(server, new PreparedFrame([second]));
		await until(() => received.length === 2);
		expect(same(received, [first, second])).toBe(true);
	});

	it('counts queued bytes in bufferedAmount once the reader stops reading', async () => {
		const { server, client } = await pair();
		client.pause();
		const frame = new PreparedFrame([payload(64 * 1024, 5)]);
		// Fill the kernel's buffers; after that, every write is queued whole in the process.
		for (let i = 0; i < 600 && server.bufferedAmount === 0; i++) writePrepared(server, frame);
		for (let i = 0; i < 10; i++) writePrepared(server, frame);
		const before = server.bufferedAmount;
		expect(before).toBeGreaterThan(0);
		writePrepared(server, frame);
		expect(server.bufferedAmount - before).toBe(frame.wire.byteLength);
	});
});
