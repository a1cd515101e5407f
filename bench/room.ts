/**
 * `npm run bench:room`: one room under load on our sync server and on the reference y-websocket
 * server (bin/server.js of y-websocket 1.5.4, the `y-websocket-reference` devDependency), in the
 * same run with the same clients. For each rung it prints delivery latency, server CPU and memory,
 * bytes per idle connection, and our p99 beside theirs.
 *
 *   npm run bench:room -- --participants 50,200,500,1000 --rate 100 --seconds 10
 *   npm run bench:room -- --participants 50,200,500,1000 --observers 20
 *
 * By default every participant is a full WebsocketProvider client that writes and measures. With
 * `--observers K`, K of them are, and the rest are passive members (room-passive.ts): the server
 * still sends every update to all N, but the bench no longer decodes N copies of each, so its own
 * backlog stops dominating the numbers at large N.
 *
 * Needs the production build (`node server/build.js`). Linux only for the CPU and memory columns.
 */
import { cpus } from 'node:os';
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
		observers: { type: 'string', default: 'all' }
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
const observersFor = (n: number) => (values.observers === 'all' ? n : Math.min(n, Math.round(positive('observers', values.observers))));
if (values.observers !== 'all' && positive('observers', values.observers) < 2) throw new Error('--observers needs at least 2 (one writes, others measure)');
if (ladder.some((n) => n < 2)) throw new Error('each rung needs at least 2 participants');

process.setMaxListeners(0); // one 'exit' listener per provider
const say = (line: string) => process.stderr.write(`${line}\n`);

async function measure(start: () => Promise<BenchServer>, participants: number): Promise<LoadResult> {
	const server = await start();
	try {
		return await runLoad(server, { participants, observers: observersFor(participants), rate, seconds, batch, batchTimeoutMs: 30_000, drainMs }, say);
	} finally {
		await server.stop();
	}
}

const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} %` : '–');
const mb = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');
const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)}` : '–');

function row(n: number, r: LoadResult): string {
	const l = r.latency;
	return `| ${n} | ${r.observers} | ${r.label}${r.failure ? ' ✗' : ''} | ${r.sent} | ${l.count} / ${r.missing} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${pct(r.serverCpuPercent)} | ${mb(r.serverRssMb)} | ${kb(r.idleBytesPerConnection)} | ${pct(r.clientCpuPercent)} | ${ms(r.clientLagP99Ms)} |`;
}

async function main(): Promise<void> {
	say(`room bench: ladder ${ladder.join(' / ')}, ${rate} updates/s for ${seconds} s, measuring clients: ${values.observers}, ${cpus().length} CPU(s), node ${process.version}`);
	const rungs: { n: number; ours: LoadResult; ref: LoadResult }[] = [];
	for (const n of ladder) {
		say(`rung: ${n} participants`);
		const ours = await measure(startOurs, n);
		say(`  ${row(n, ours)}`);
		const ref = await measure(startReference, n);
		say(`  ${row(n, ref)}`);
		rungs.push({ n, ours, ref });
	}
	console.log('| participants | measuring clients | server | updates sent | deliveries / missing | p50 | p95 | p99 | max | server CPU % | server RSS MB | KB per idle connection | bench client CPU % | client event-loop delay p99 |');
	console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const { n, ours, ref } of rungs) console.log(`${row(n, ours)}\n${row(n, ref)}`);
	console.log('');
	console.log('| participants | our p99 | reference p99 | reference ÷ ours |');
	console.log('|---:|---:|---:|---:|');
	for (const { n, ours, ref } of rungs) {
		const ratio = ref.latency.p99 / ours.latency.p99;
		console.log(`| ${n} | ${ms(ours.latency.p99)} | ${ms(ref.latency.p99)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'} |`);
	}
	console.log('');
	for (const { ours, ref, n } of rungs) {
		for (const r of [ours, ref]) {
			if (r.failure) console.log(`- ${n} participants, ${r.label}: ${r.failure}`);
			// All clients share this process (one core at most); once it is saturated, latencies
			// include the bench's own backlog as much as the server's.
			if (r.clientCpuPercent > 80 || r.clientLagP99Ms > 100) console.log(`- ${n} participants, ${r.label}: bench client saturated (CPU ${pct(r.clientCpuPercent)}, event-loop delay p99 ${ms(r.clientLagP99Ms)})`);
		}
	}
	process.exitCode = rungs.every((r) => !r.ours.failure && !r.ref.failure) ? 0 : 1;
}

main()
	.catch((error: unknown) => {
		say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exitCode = 1;
	})
	.finally(() => setTimeout(() => process.exit(), 1000).unref());
