/**
 * `npm run bench:churn`: does the server give memory back after many connections came and went?
 *
 * Starts the production server (temporary database) with one workshop, a facilitator and
 * `--participants` participants. A stock WebsocketProvider (the facilitator, with an awareness
 * state) stays on the workshop's board throughout, so that room stays loaded as in a live workshop.
 * Then `--cycles` connections are opened and closed, `--parallel` at a time, each a bare-socket
 * client that upgrades, syncs and leaves, in turn:
 *   - the facilitator on the board, publishing an awareness state (a new client id each time, as a
 *     page load is), then closing with the WebSocket handshake;
 *   - a participant on the board (read-only; the server ignores participants' awareness there),
 *     dropping the connection without a close handshake;
 *   - a participant on their own document, publishing an awareness state, closing cleanly (that
 *     room is loaded and unloaded every time; presence is recounted and published each time).
 * Memory is read from /proc: RSS and anonymous RSS every `--sample` cycles, and at the baseline
 * (after `--warmup` cycles) and at the end, each after `--settle` seconds without traffic. The live
 * heap, which RSS alone cannot show, comes from two heap snapshots taken by signal (a snapshot
 * follows a full garbage collection): one after the first 200 cycles, before the warm-up absorbs the
 * RSS a snapshot leaves behind, and one at the end, after the final RSS reading.
 *
 *   npm run bench:churn
 *   npm run bench:churn -- --cycles 20000 --parallel 20
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, removeDir, type RunningServer } from '../tests/helpers/server';
import { Fixtures } from '../tests/helpers/fixtures';
import { socketWithHeaders, syncUrl } from '../tests/helpers/yclient';
import { docName, mineDocName } from '../src/lib/shared/protocol';
import { churnCycle, type CycleKind } from './churn-cycle';
import { readUsage } from './process-usage';
import { growth, heapSnapshotEnv, liveBytes, takeSnapshot } from './heap-snapshot';
import { memoryTrend, type Sample } from './churn-report';

const { values } = parseArgs({
	options: {
		cycles: { type: 'string', default: '100000' },
		parallel: { type: 'string', default: '50' },
		warmup: { type: 'string', default: '5000' },
		participants: { type: 'string', default: '20' },
		sample: { type: 'string', default: '1000' },
		// Longer than the awareness sweep's window (up to 60 s), so the final snapshot shows what stays.
		settle: { type: 'string', default: '65' }
	}
});
const cycles = Number(values.cycles);
const parallel = Number(values.parallel);
const warmup = Number(values.warmup);
const sampleEvery = Number(values.sample);
const settleMs = Number(values.settle) * 1000;
const say = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** The server, once started: killed if the bench fails, so that no server outlives it. */
let started: RunningServer | null = null;

async function main(): Promise<void> {
	process.setMaxListeners(0);
	const dir = mkdtempSync(join(tmpdir(), 'rightsboard-churn-'));
	const server = await startServer({ env: heapSnapshotEnv(dir) });
	started = server;
	const pid = server.child.pid!;
	const fx = new Fixtures(server.database);
	const facilitator = await fx.user('Churn facilitator');
	const workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]), 'Churn workshop');
	const participants: { id: string; cookie: string; i: number }[] = [];
	for (let i = 0; i < Number(values.participants); i++) participants.push({ ...(await fx.participant(workshopId, `Participant ${i}`)), i });
	await fx.close();
	const base = syncUrl(server.url);
	const board = docName('board', workshopId);
	const kinds: CycleKind[] = [
		{ url: `${base}/${board}`, headers: { origin: server.origin, cookie: facilitator.cookie }, awareness: true, clean: true },
		...participants.map((p) => ({ url: `${base}/${board}`, headers: { origin: server.origin, cookie: p.cookie }, awareness: false, clean: false })),
		...participants.map((p) => ({ url: `${base}/${mineDocName(workshopId, p.id)}`, headers: { origin: server.origin, cookie: p.cookie }, awareness: true, clean: true }))
	];
	// One kind in three is the facilitator, one a participant on the board, one a participant at home.
	const kindOf = (i: number) => (i % 3 === 0 ? kinds[0]! : i % 3 === 1 ? kinds[1 + ((i / 3) | 0) % participants.length]! : kinds[1 + participants.length + ((i / 3) | 0) % participants.length]!);

	const anchorDoc = new Y.Doc();
	const anchor = new WebsocketProvider(base, board, anchorDoc, { disableBc: true, WebSocketPolyfill: socketWithHeaders({ origin: server.origin, cookie: facilitator.cookie }) as unknown as typeof globalThis.WebSocket });
	anchor.awareness.setLocalState({ user: { name: 'Facilitator (stays)' } });
	await new Promise<void>((resolve) => anchor.on('sync', (s: boolean) => s && resolve()));

	const samples: Sample[] = [];
	let done = 0;
	let failed = 0;
	const run = async (from: number, to: number) => {
		let next = from;
		const worker = async () => {
			while (next < to) {
				const i = next++;
				if (!(await churnCycle(kindOf(i)))) failed++;
				done++;
				if (done % sampleEvery === 0) {
					const u = readUsage(pid);
					if (u) samples.push({ cycle: done, rssMb: u.rssMb, anonMb: u.anonMb });
					if (done % (sampleEvery * 10) === 0) say(`  ${done} cycles, RSS ${u?.rssMb.toFixed(1)} MB, load ${loadavg()[0]!.toFixed(2)}`);
				}
			}
		};
		await Promise.all(Array.from({ length: parallel }, worker));
	};
	const rssNow = () => readUsage(pid) ?? { rssMb: Number.NaN, anonMb: Number.NaN };
	const PRIMING = Math.min(200, warmup);

	say(`churn: ${cycles} connect/disconnect cycles, ${parallel} at a time, warm-up ${warmup}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const start = rssNow();
	const began = performance.now();
	// The first snapshot comes early: writing one leaves the process's RSS higher for a while (the
	// snapshot's own buffers), which the warm-up then absorbs before the RSS baseline is read.
	await run(0, PRIMING);
	await sleep(2000);
	const baselineHeap = await takeSnapshot(pid, dir);
	await run(PRIMING, warmup);
	const settle = async () => {
		for (let waited = 0; waited < settleMs; waited += 5000) await sleep(Math.min(5000, settleMs - waited));
		return rssNow();
	};
	const baseline = await settle();
	say(`baseline after ${warmup} cycles: RSS ${baseline.rssMb.toFixed(1)} MB`);
	const churnStart = performance.now();
	await run(warmup, warmup + cycles);
	const seconds = (performance.now() - churnStart) / 1000;
	const final = await settle();
	const finalHeap = await takeSnapshot(pid, dir);
	say(`after ${cycles} more cycles: RSS ${final.rssMb.toFixed(1)} MB`);
	const alive = server.child.exitCode === null && anchor.wsconnected;

	const trend = memoryTrend(samples.filter((p) => p.cycle > warmup));
	const heapDiff = liveBytes(finalHeap) - liveBytes(baselineHeap);
	console.log(`churn: ${cycles} cycles after a ${warmup}-cycle warm-up, ${parallel} at a time, in ${seconds.toFixed(0)} s (${(cycles / seconds).toFixed(0)} per second); ${failed} failed; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	console.log(`| | RSS MB | anonymous RSS MB |`);
	console.log(`|---|---:|---:|`);
	console.log(`| before any cycle | ${start.rssMb.toFixed(1)} | ${start.anonMb.toFixed(1)} |`);
	console.log(`| baseline: after ${warmup} cycles, settled ${settleMs / 1000} s | ${baseline.rssMb.toFixed(1)} | ${baseline.anonMb.toFixed(1)} |`);
	console.log(`| after ${cycles} more cycles, settled ${settleMs / 1000} s | ${final.rssMb.toFixed(1)} | ${final.anonMb.toFixed(1)} |`);
	console.log(`| difference | ${(final.rssMb - baseline.rssMb).toFixed(1)} | ${(final.anonMb - baseline.anonMb).toFixed(1)} |`);
	console.log(`live heap (heap snapshots, each after a full GC): ${mb(liveBytes(baselineHeap))} MB after ${PRIMING} cycles, ${mb(liveBytes(finalHeap))} MB after ${warmup + cycles}: ${heapDiff >= 0 ? '+' : ''}${(heapDiff / 1024).toFixed(0)} KB (${(heapDiff / (warmup + cycles - PRIMING)).toFixed(1)} bytes per cycle)`);
	console.log(`RSS sampled every ${sampleEvery} cycles during the run: ${trend}`);
	console.log(`largest live-heap growth by constructor: ${growth(baselineHeap, finalHeap).slice(0, 6).map((g) => `${g.key} ${g.size >= 0 ? '+' : ''}${(g.size / 1024).toFixed(0)} KB (${g.count >= 0 ? '+' : ''}${g.count})`).join(', ')}`);
	console.log(`server ${alive ? 'alive, the anchored client still connected' : 'NOT healthy'}; total time ${((performance.now() - began) / 1000).toFixed(0)} s`);
	process.exitCode = alive && failed === 0 ? 0 : 1;

	anchor.destroy();
	anchorDoc.destroy();
	await server.stop();
	started = null;
	await removeDir(server.dir);
	rmSync(dir, { recursive: true, force: true });
}

main()
	.catch(async (error: unknown) => {
		say(`churn bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exitCode = 1;
		await started?.kill();
		if (started) await removeDir(started.dir);
	})
	.finally(() => setTimeout(() => process.exit(), 1000).unref());
