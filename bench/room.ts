/**
 * `npm run bench`: the load benchmark. One room under load on our sync server and on the reference
 * y-websocket server (bin/server.js of y-websocket 1.5.4, the `y-websocket-reference`
 * devDependency), in the same run with the same clients. For each rung of the ladder it prints
 * delivery latency (p50/p95/p99), server CPU and memory, bytes per idle connection, and our p99
 * beside theirs with the ratio.
 *
 *   npm run bench
 *   npm run bench -- --participants 500 --rate 100 --seconds 20
 *
 * `--observers` (20) participants are full WebsocketProvider clients in this process that write
 * and measure; the others are passive members (passive-wire.ts) in `--passive-processes` (1) child
 * processes: to the server they are ordinary members, to the bench they cost a header scan per frame.
 * `--observers all` makes every participant a full client (the bench then measures itself from
 * about 200 participants on). `--awareness` gives every member an awareness state that it renews
 * every 15 s, as stock clients do (use `--seconds 20` or more so that renewals fall in the window).
 *
 * Needs the production build (`node server/build.js`). Linux only for the CPU and memory columns.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad, type LoadResult } from './room-load';
import { startOurs, startReference, type BenchServer } from './room-servers';
import { ms } from './stats';

const { values } = parseArgs({
	options: {
		participants: { type: 'string', default: '50,200,500,1000' },
		rate: { type: 'string', default: '100' },
		seconds: { type: 'string', default: '10' },
		batch: { type: 'string', default: '50' },
		drain: { type: 'string', default: '10' },
		observers: { type: 'string', default: '20' },
		'passive-processes': { type: 'string', default: '1' },
		only: { type: 'string', default: 'both' },
		awareness: { type: 'boolean', default: false }
	}
});

function positive(name: string, raw: string): number {
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
	return n;
}

const ladder = values.participants.split(',').map((s) => Math.round(positive('participants', s.trim())));
const rate = positive('rate', values.rate);
const seconds = positive('seconds', values.seconds);
const batch = Math.round(positive('batch', values.batch));
const drainMs = positive('drain', values.drain) * 1000;
const passiveProcesses = Math.round(positive('passive-processes', values['passive-processes']));
const observersFor = (n: number) => (values.observers === 'all' ? n : Math.min(n, Math.round(positive('observers', values.observers))));
if (values.observers !== 'all' && positive('observers', values.observers) < 2) throw new Error('--observers needs at least 2 (one writes, others measure)');
if (ladder.some((n) => n < 2)) throw new Error('each rung needs at least 2 participants');
if (!['both', 'ours', 'reference'].includes(values.only)) throw new Error('--only is both, ours or reference');

process.setMaxListeners(0); // one 'exit' listener per provider
const say = (line: string) => process.stderr.write(`${line}\n`);
const load = () => loadavg()[0]!.toFixed(2);

async function measure(start: () => Promise<BenchServer>, participants: number): Promise<LoadResult & { load: string }> {
	const server = await start();
	try {
		const options = { participants, observers: observersFor(participants), passiveProcesses, awareness: values.awareness, rate, seconds, batch, batchTimeoutMs: 30_000, drainMs };
		const result = await runLoad(server, options, say);
		return { ...result, load: load() };
	} finally {
		await server.stop();
	}
}

const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} %` : '–');
const mb = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');
const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)}` : '–');
const num = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');

type Measured = LoadResult & { load: string };
function row(n: number, r: Measured): string {
	const l = r.latency;
	return `| ${n} | ${r.label}${r.failure ? ' ✗' : ''} | ${r.sent} | ${l.count} / ${r.missing} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${pct(r.serverCpuPercent)} | ${mb(r.serverRssMb)} | ${kb(r.idleBytesPerConnection)} | ${num(r.passiveFramesPerSecond)} | ${pct(r.clientCpuPercent)} / ${pct(r.passiveCpuPercent)} | ${ms(r.clientLagP99Ms)} | ${pct(r.otherCpuPercent)} | ${r.load} |`;
}

async function main(): Promise<void> {
	say(`load bench: ladder ${ladder.join(' / ')}, ${rate} updates/s for ${seconds} s, measuring clients: ${values.observers}, passive processes: ${passiveProcesses}, awareness: ${values.awareness ? 'every member' : 'none'}, ${cpus().length} CPU(s), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const rungs: { n: number; ours?: Measured; ref?: Measured }[] = [];
	for (const n of ladder) {
		say(`rung: ${n} participants`);
		const rung: (typeof rungs)[number] = { n };
		if (values.only !== 'reference') say(`  ${row(n, (rung.ours = await measure(startOurs, n)))}`);
		if (values.only !== 'ours') say(`  ${row(n, (rung.ref = await measure(startReference, n)))}`);
		rungs.push(rung);
	}
	console.log('| participants | server | updates sent | deliveries / missing | p50 | p95 | p99 | max | server CPU % | server RSS MB | KB per idle connection | frames/s per member | bench CPU % (measuring / passive) | measuring event-loop delay p99 | other processes CPU % | load (1 min) |');
	console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const { n, ours, ref } of rungs) for (const r of [ours, ref]) if (r) console.log(row(n, r));
	console.log('');
	if (values.only === 'both') {
		console.log('| participants | our p99 | reference p99 | reference ÷ ours |');
		console.log('|---:|---:|---:|---:|');
		for (const { n, ours, ref } of rungs) {
			const ratio = ref!.latency.p99 / ours!.latency.p99;
			console.log(`| ${n} | ${ms(ours!.latency.p99)} | ${ms(ref!.latency.p99)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'} |`);
		}
		console.log('');
	}
	for (const { ours, ref, n } of rungs) {
		for (const r of [ours, ref]) {
			if (!r) continue;
			if (r.failure) console.log(`- ${n} participants, ${r.label}: ${r.failure}`);
			// Once a bench process is saturated, latencies include its own backlog as much as the server's.
			if (r.clientCpuPercent > 80 || r.clientLagP99Ms > 20) console.log(`- ${n} participants, ${r.label}: measuring clients saturated (CPU ${pct(r.clientCpuPercent)}, event-loop delay p99 ${ms(r.clientLagP99Ms)})`);
			if (r.passiveCpuPercent > 80) console.log(`- ${n} participants, ${r.label}: passive members' process saturated (CPU ${pct(r.passiveCpuPercent)})`);
			// Server and bench share the machine's cores with whatever else runs there.
			if (r.otherCpuPercent > 20) console.log(`- ${n} participants, ${r.label}: other processes used ${pct(r.otherCpuPercent)} of a core during the window; latencies include waiting for CPU`);
		}
	}
	process.exitCode = rungs.every((r) => !r.ours?.failure && !r.ref?.failure) ? 0 : 1;
}

main()
	.catch((error: unknown) => {
		say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exitCode = 1;
	})
	.finally(() => setTimeout(() => process.exit(), 1000).unref());
