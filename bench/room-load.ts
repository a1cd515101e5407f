/**
 * One room under load on one server: N stock WebsocketProvider clients (`disableBc`, `ws`) join the
 * same document, sit idle (bytes per idle connection = RSS growth ÷ N), then write small updates at
 * a fixed total rate, round-robin over all clients. Each update is a Y.Map set of the writer's own
 * key to its send time, so the document stays small; every other client records the arrival
 * latency. All clients live in this process and share its clock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { socketWithHeaders } from '../tests/helpers/yclient';
import { PassiveMember } from './room-passive';
import type { BenchServer } from './room-servers';
import { cpuPercent, readUsage } from './process-usage';
import { percentiles, type Percentiles } from './stats';

export interface LoadOptions {
	participants: number;
	/**
	 * How many of the participants are full WebsocketProvider clients that write and measure; the
	 * rest are passive members (see room-passive.ts). Equal to `participants` for all-full rooms.
	 */
	observers: number;
	/** Total updates per second over all writers. */
	rate: number;
	seconds: number;
	batch: number;
	batchTimeoutMs: number;
	drainMs: number;
}

export interface LoadResult {
	label: string;
	connected: number;
	failure: string;
	sent: number;
	latency: Percentiles;
	observers: number;
	/** Deliveries expected (sent × (observers − 1)) but not seen by the end of the drain. */
	missing: number;
	serverCpuPercent: number;
	serverRssMb: number;
	idleBytesPerConnection: number;
	clientCpuPercent: number;
	clientLagP99Ms: number;
}

interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	map: Y.Map<number>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const MIB = 1024 * 1024;

function connect(server: BenchServer, index: number, onArrival: (sentAt: number) => void): Client {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(server.serverUrl, server.room, doc, {
		connect: false,
		disableBc: true,
		WebSocketPolyfill: socketWithHeaders(server.headers) as unknown as typeof globalThis.WebSocket,
		maxBackoffTime: 500
	});
	// No awareness state: the bench measures document delivery, not presence traffic (an awareness
	// state is re-sent every 15 s by each client and fanned out to all, N² messages).
	provider.awareness.setLocalState(null);
	const map = doc.getMap<number>('bench');
	const own = String(index);
	map.observe((event, tr) => {
		if (tr.local) return;
		const at = performance.now();
		for (const key of event.keysChanged) {
			if (key === own) continue;
			const sentAt = map.get(key);
			if (typeof sentAt === 'number') onArrival(at - sentAt);
		}
	});
	provider.connect();
	return { doc, provider, map };
}

function synced(c: Client): Promise<void> {
	return new Promise((resolve) => {
		if (c.provider.synced) return resolve();
		const on = (s: boolean) => s && (c.provider.off('sync', on), resolve());
		c.provider.on('sync', on);
	});
}

async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const ok = await Promise.race([p.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
	clearTimeout(timer);
	return ok;
}

export async function runLoad(server: BenchServer, o: LoadOptions, say: (line: string) => void): Promise<LoadResult> {
	const r: LoadResult = {
		label: server.label,
		observers: Math.min(o.observers, o.participants),
		connected: 0,
		failure: '',
		sent: 0,
		latency: percentiles([]),
		missing: 0,
		serverCpuPercent: Number.NaN,
		serverRssMb: Number.NaN,
		idleBytesPerConnection: Number.NaN,
		clientCpuPercent: Number.NaN,
		clientLagP99Ms: Number.NaN
	};
	const clients: Client[] = [];
	const passive: PassiveMember[] = [];
	const members = () => clients.length + passive.length;
	const latencies: number[] = [];
	let recording = false;
	const onArrival = (ms: number) => recording && latencies.push(ms);
	try {
		await sleep(1000); // let the freshly started server settle before the baseline
		const base = readUsage(server.pid);
		while (members() < o.participants) {
			const waits: Promise<void>[] = [];
			for (let i = Math.min(o.batch, o.participants - members()); i > 0; i--) {
				if (clients.length < r.observers) {
					const c = connect(server, clients.length, onArrival);
					clients.push(c);
					waits.push(synced(c));
				} else {
					const m = new PassiveMember(`${server.serverUrl}/${server.room}`, server.headers);
					passive.push(m);
					waits.push(m.whenSynced());
				}
			}
			if (!(await within(Promise.all(waits), o.batchTimeoutMs))) {
				r.connected = clients.filter((c) => c.provider.synced).length + passive.filter((m) => m.synced).length;
				r.failure = `only ${r.connected} of ${o.participants} clients synced`;
				return r;
			}
			if (members() % 200 === 0 || members() === o.participants) say(`    ${server.label}: ${members()}/${o.participants} connected`);
		}
		r.connected = members();
		await sleep(3000); // idle: connections open, nothing written
		const idle = readUsage(server.pid);
		if (base && idle) r.idleBytesPerConnection = ((idle.rssMb - base.rssMb) * MIB) / o.participants;

		const lag = monitorEventLoopDelay({ resolution: 1 });
		const before = readUsage(server.pid);
		let peakRss = before?.rssMb ?? Number.NaN;
		const clientBefore = process.cpuUsage();
		lag.enable();
		recording = true;
		const start = performance.now();
		const endAt = start + o.seconds * 1000;
		let next = 0;
		const total = Math.round(o.rate * o.seconds);
		// Sends whatever is due at the fixed rate on each tick, so timer jitter does not lower the rate.
		await new Promise<void>((resolve) => {
			const tick = setInterval(() => {
				const now = performance.now();
				const due = now >= endAt ? total : Math.floor(((now - start) * o.rate) / 1000);
				while (r.sent < due) {
					const c = clients[next]!;
					c.map.set(String(next), performance.now());
					next = (next + 1) % clients.length;
					r.sent++;
				}
				if (now >= endAt) (clearInterval(tick), resolve());
			}, 5);
		});
		const wall = performance.now() - start;
		const after = readUsage(server.pid);
		const clientCpu = process.cpuUsage(clientBefore);
		lag.disable();
		if (before && after) {
			r.serverCpuPercent = cpuPercent(before, after, wall);
			peakRss = Math.max(peakRss, after.rssMb);
		}
		r.serverRssMb = peakRss;
		r.clientCpuPercent = ((clientCpu.user + clientCpu.system) / 1000 / wall) * 100;
		r.clientLagP99Ms = lag.percentile(99) / 1e6;

		const expected = r.sent * (r.observers - 1);
		const drainEnd = performance.now() + o.drainMs;
		while (latencies.length < expected && performance.now() < drainEnd) await sleep(100);
		recording = false;
		r.missing = Math.max(0, expected - latencies.length);
		if (!server.alive()) r.failure = 'server exited';
		else if (r.missing > 0) r.failure = `${r.missing} of ${expected} deliveries not seen within ${o.drainMs / 1000} s after the window (left out of the percentiles)`;
		return r;
	} catch (error) {
		r.failure = error instanceof Error ? error.message : String(error);
		return r;
	} finally {
		r.latency = percentiles(latencies);
		for (const m of passive) m.close();
		for (const c of clients) {
			c.provider.destroy();
			c.doc.destroy();
		}
	}
}
