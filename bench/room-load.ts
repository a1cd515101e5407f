/**
 * One room under load on one server. `observers` stock WebsocketProvider clients (`disableBc`, `ws`)
 * in this process write and measure, spread evenly through the join order; the other members are
 * passive (passive-wire.ts) and live in child processes (passive-pool.ts), so that receiving N
 * copies of every update does not queue behind, or compete with, the measuring clients' event loop. All members join the same document
 * and sit idle (bytes per idle connection = server RSS growth from half the room to all of it,
 * divided by the members who joined in between); then the observers write small
 * updates at a fixed total rate, round-robin. Each update is a Y.Map set of the writer's own key to
 * its send time, so the document stays small; every other observer records the arrival latency of
 * every version (one superseded within a merged frame counts when its successor arrived: versions.ts).
 * Observers share this process's clock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { socketWithHeaders } from '../tests/helpers/yclient';
import { PassivePool } from './passive-pool';
import type { BenchServer } from './room-servers';
import { cpuPercent, readMachine, readUsage, type Usage } from './process-usage';
import { percentiles, type Percentiles } from './stats';
import { SentVersions } from './versions';

export interface LoadOptions {
	participants: number;
	/** How many participants are full clients that write and measure; the rest are passive members. */
	observers: number;
	/** Child processes holding the passive members. */
	passiveProcesses: number;
	/** Every member publishes and renews an awareness state, as stock clients do. */
	awareness: boolean;
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
	/** CPU of this process (the measuring clients), % of one core. */
	clientCpuPercent: number;
	clientLagP99Ms: number;
	/** CPU of the busiest passive-member process, % of one core. */
	passiveCpuPercent: number;
	/** Frames a passive member received per second in the window (fewer than updates when merged). */
	passiveFramesPerSecond: number;
	/** Passive members whose socket closed before the end. */
	passiveClosed: number;
	/** CPU used in the window by every process that is neither the server nor the bench, % of one core. */
	otherCpuPercent: number;
}

interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	map: Y.Map<number>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const MIB = 1024 * 1024;

function connect(server: BenchServer, index: number, awareness: boolean, onValue: (writer: number, value: number, at: number) => void): Client {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(server.serverUrl, server.room, doc, {
		connect: false,
		disableBc: true,
		WebSocketPolyfill: socketWithHeaders(server.headers) as unknown as typeof globalThis.WebSocket,
		maxBackoffTime: 500
	});
	// By default no awareness state: the bench measures document delivery, not presence traffic.
	provider.awareness.setLocalState(awareness ? { user: { name: `Observer ${index}`, colour: '#cc3366' } } : null);
	const map = doc.getMap<number>('bench');
	const own = String(index);
	map.observe((event, tr) => {
		if (tr.local) return;
		const at = performance.now();
		for (const key of event.keysChanged) {
			if (key === own) continue;
			const value = map.get(key);
			if (typeof value === 'number') onValue(Number(key), value, at);
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

/** The busiest process's CPU and the sum over all, % of one core. */
function hostsCpu(before: (Usage | null)[], after: (Usage | null)[], wallMs: number): { max: number; sum: number } {
	let max = Number.NaN;
	let sum = 0;
	before.forEach((b, i) => {
		const a = after[i];
		if (!b || !a) return;
		const p = cpuPercent(b, a, wallMs);
		max = Math.max(Number.isNaN(max) ? 0 : max, p);
		sum += p;
	});
	return { max, sum };
}

export async function runLoad(server: BenchServer, o: LoadOptions, say: (line: string) => void): Promise<LoadResult> {
	const observers = Math.min(o.observers, o.participants);
	const r: LoadResult = {
		label: server.label,
		observers,
		connected: 0,
		failure: '',
		sent: 0,
		latency: percentiles([]),
		missing: 0,
		serverCpuPercent: Number.NaN,
		serverRssMb: Number.NaN,
		idleBytesPerConnection: Number.NaN,
		clientCpuPercent: Number.NaN,
		clientLagP99Ms: Number.NaN,
		passiveCpuPercent: Number.NaN,
		passiveFramesPerSecond: Number.NaN,
		passiveClosed: 0,
		otherCpuPercent: Number.NaN
	};
	const clients: Client[] = [];
	const passiveCount = o.participants - observers;
	const pool = passiveCount > 0 ? new PassivePool(o.passiveProcesses) : null;
	const latencies: number[] = [];
	let recording = false;
	const versions = new SentVersions();
	const onLatency = (ms: number) => recording && latencies.push(ms);
	try {
		await sleep(1000); // let the freshly started server (and the passive hosts) settle
		// The memory baseline is read when half the room has joined, not before the first member:
		// garbage left from starting up is collected while the first members join, which made
		// "growth from an empty server" negative for ours. Bytes per idle connection is the RSS
		// growth from half the room to all of it, divided by the members who joined in between.
		let base: { rssMb: number; members: number } | null = null;
		// Observers are spread evenly through the join order: servers send to peers in join order, so
		// observers that all joined first would always be served first and never see a fan-out's tail.
		const target = { url: `${server.serverUrl}/${server.room}`, headers: server.headers, awareness: o.awareness };
		let joinedPassive = 0;
		for (let k = 0; k < observers; k++) {
			if (k === Math.floor(observers / 2) && !base) {
				await sleep(1000);
				const mid = readUsage(server.pid);
				if (mid) base = { rssMb: mid.rssMb, members: clients.length + joinedPassive };
			}
			const passiveBefore = Math.round((passiveCount * k) / observers) - joinedPassive;
			if (pool && passiveBefore > 0) {
				const joined = await pool.join(target, passiveBefore, o.batch, o.batchTimeoutMs);
				joinedPassive += passiveBefore;
				if (joined < passiveBefore) {
					r.connected = clients.length + joinedPassive - (passiveBefore - joined);
					r.failure = `only ${joined} of ${passiveBefore} passive members synced`;
					return r;
				}
			}
			const c = connect(server, clients.length, o.awareness, versions.observer(onLatency));
			clients.push(c);
			if (!(await within(synced(c), o.batchTimeoutMs))) {
				r.connected = clients.length - 1 + joinedPassive;
				r.failure = `measuring client ${k + 1} of ${observers} did not sync`;
				return r;
			}
		}
		if (pool && passiveCount > joinedPassive) {
			const rest = passiveCount - joinedPassive;
			const joined = await pool.join(target, rest, o.batch, o.batchTimeoutMs);
			if (joined < rest) {
				r.connected = observers + joinedPassive + joined;
				r.failure = `only ${joined} of ${rest} passive members synced`;
				return r;
			}
		}
		r.connected = o.participants;
		say(`    ${server.label}: ${r.connected}/${o.participants} connected`);
		await sleep(3000); // idle: connections open, nothing written
		const idle = readUsage(server.pid);
		if (base && idle && o.participants > base.members) r.idleBytesPerConnection = ((idle.rssMb - base.rssMb) * MIB) / (o.participants - base.members);

		const lag = monitorEventLoopDelay({ resolution: 1 });
		const before = readUsage(server.pid);
		const passiveBefore = pool?.usage() ?? [];
		const framesBefore = (await pool?.stats())?.frames ?? 0;
		let peakRss = before?.rssMb ?? Number.NaN;
		const machineBefore = readMachine();
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
					const sentAt = performance.now();
					versions.sent(next, sentAt);
					c.map.set(String(next), sentAt);
					next = (next + 1) % clients.length;
					r.sent++;
				}
				if (now >= endAt) (clearInterval(tick), resolve());
			}, 5);
		});
		const wall = performance.now() - start;
		const after = readUsage(server.pid);
		const clientCpu = process.cpuUsage(clientBefore);
		const machineAfter = readMachine();
		const passive = hostsCpu(passiveBefore, pool?.usage() ?? [], wall);
		r.passiveCpuPercent = passive.max;
		lag.disable();
		if (before && after) {
			r.serverCpuPercent = cpuPercent(before, after, wall);
			peakRss = Math.max(peakRss, after.rssMb);
		}
		r.serverRssMb = peakRss;
		r.clientCpuPercent = ((clientCpu.user + clientCpu.system) / 1000 / wall) * 100;
		if (machineBefore && machineAfter) {
			const machinePercent = ((machineAfter.busyMs - machineBefore.busyMs) / wall) * 100;
			r.otherCpuPercent = Math.max(0, machinePercent - r.serverCpuPercent - r.clientCpuPercent - passive.sum);
		}
		r.clientLagP99Ms = lag.percentile(99) / 1e6;

		const expected = r.sent * (r.observers - 1);
		const drainEnd = performance.now() + o.drainMs;
		while (latencies.length < expected && performance.now() < drainEnd) await sleep(100);
		recording = false;
		if (pool) {
			const stats = await pool.stats();
			r.passiveFramesPerSecond = (stats.frames - framesBefore) / passiveCount / (wall / 1000);
			r.passiveClosed = stats.closed;
		}
		r.missing = Math.max(0, expected - latencies.length);
		if (!server.alive()) r.failure = 'server exited';
		else if (r.missing > 0) r.failure = `${r.missing} of ${expected} deliveries not seen within ${o.drainMs / 1000} s after the window (left out of the percentiles)`;
		else if (r.passiveClosed > 0) r.failure = `${r.passiveClosed} passive members were disconnected`;
		return r;
	} catch (error) {
		r.failure = error instanceof Error ? error.message : String(error);
		return r;
	} finally {
		r.latency = percentiles(latencies);
		await pool?.stop();
		for (const c of clients) {
			c.provider.destroy();
			c.doc.destroy();
		}
	}
}
