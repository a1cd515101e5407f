/**
 * What one idle connection keeps on the server's heap: starts a server with heap snapshots enabled,
 * joins `--from` and then `--to` passive members (as in the load bench) to one room, takes a heap
 * snapshot at each point, and prints the growth of live heap per constructor divided by the added
 * connections, largest first, with the server's RSS at each point.
 *
 *   npx tsx bench/heap-diff.ts --from 100 --to 600
 *   npx tsx bench/heap-diff.ts --reference   # the same against the reference server
 *   npx tsx bench/heap-diff.ts --rss-only --from 1000 --to 2000
 *
 * `--rss-only` takes no snapshots (writing one leaves RSS higher) and reports the RSS growth per
 * connection between the two idle plateaus: what one more idle connection costs a server that
 * already holds `--from`, once one-off growth (loading the room, the young generation) is behind it.
 *
 * Snapshots are written to a temporary folder and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PassivePool } from './passive-pool';
import { startOurs, startReference } from './room-servers';
import { readUsage } from './process-usage';
import { growth, heapSnapshotEnv, liveBytes, takeSnapshot } from './heap-snapshot';

const { values } = parseArgs({
	options: {
		from: { type: 'string', default: '100' },
		to: { type: 'string', default: '600' },
		reference: { type: 'boolean', default: false },
		top: { type: 'string', default: '25' },
		'rss-only': { type: 'boolean', default: false }
	}
});
const from = Number(values.from);
const to = Number(values.to);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'rightsboard-heap-'));
	const server = await (values.reference ? startReference(heapSnapshotEnv(dir)) : startOurs(heapSnapshotEnv(dir)));
	const pool = new PassivePool(1);
	try {
		const target = { url: `${server.serverUrl}/${server.room}`, headers: server.headers };
		const rss = () => (readUsage(server.pid)?.rssMb ?? Number.NaN).toFixed(1);
		await sleep(1000);
		if (values['rss-only']) {
			const base = Number(rss());
			await pool.join(target, from, 50, 30_000);
			await sleep(3000);
			const atFrom = Number(rss());
			await pool.join(target, to - from, 50, 30_000);
			await sleep(3000);
			const atTo = Number(rss());
			const kb = (mb: number, n: number) => ((mb * 1024) / n).toFixed(1);
			console.log(`${server.label}: RSS ${base} MB before any connection, ${atFrom} MB with ${from} idle, ${atTo} MB with ${to} idle`);
			console.log(`  ${kb(atFrom - base, from)} KB per connection from none to ${from}; ${kb(atTo - atFrom, to - from)} KB per connection from ${from} to ${to}`);
			return;
		}
		const base = rss();
		await pool.join(target, from, 50, 30_000);
		await sleep(2000);
		const rssA = rss();
		const a = await takeSnapshot(server.pid, dir);
		await pool.join(target, to - from, 50, 30_000);
		await sleep(2000);
		const rssB = rss();
		const b = await takeSnapshot(server.pid, dir);
		const n = to - from;
		console.log(`${server.label}: live heap ${(liveBytes(a) / 1048576).toFixed(1)} MB with ${from} connections, ${(liveBytes(b) / 1048576).toFixed(1)} MB with ${to}: ${((liveBytes(b) - liveBytes(a)) / n / 1024).toFixed(2)} KB per connection`);
		console.log(`RSS MB: ${base} before any connection, ${rssA} with ${from}, ${rssB} with ${to} (each before its snapshot)`);
		for (const r of growth(a, b).slice(0, Number(values.top))) console.log(`${(r.size / n).toFixed(0).padStart(7)} B  ${(r.count / n).toFixed(2).padStart(6)}×  ${r.key}`);
	} finally {
		await pool.stop();
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
