/**
 * Heap snapshots of another process, for the memory benches: the server is started with
 * `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>` (heapSnapshotEnv), SIGUSR2 makes it write
 * one (after a full garbage collection, so it holds live objects only), and the bench reads it back
 * as self size and count per constructor. Nothing in the server's code is involved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Totals = Map<string, { size: number; count: number }>;
type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Environment that lets SIGUSR2 write a heap snapshot into `dir`. */
export function heapSnapshotEnv(dir: string): Record<string, string> {
	return { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}` };
}

/** Self size and count per node name (constructor for objects and closures, type for the rest). */
function totals(snap: Snapshot): Totals {
	const fields = snap.snapshot.meta.node_fields;
	const width = fields.length;
	const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
	const types = snap.snapshot.meta.node_types[0];
	const out: Totals = new Map();
	for (let i = 0; i < snap.nodes.length; i += width) {
		const type = types[snap.nodes[i + iType]!]!;
		const key = type === 'object' || type === 'closure' ? `${type}:${snap.strings[snap.nodes[i + iName]!]}` : type;
		const t = out.get(key) ?? { size: 0, count: 0 };
		t.size += snap.nodes[i + iSize]!;
		t.count += 1;
		out.set(key, t);
	}
	return out;
}

/** Signals `pid` to write a snapshot into `dir` and reads it once complete (once it parses). */
export async function takeSnapshot(pid: number, dir: string): Promise<Totals> {
	const before = new Set(readdirSync(dir));
	process.kill(pid, 'SIGUSR2');
	for (let tries = 0; tries < 240; tries++) {
		await sleep(500);
		const added = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
		if (!added) continue;
		try {
			return totals(JSON.parse(readFileSync(join(dir, added), 'utf8')) as Snapshot);
		} catch {
			// still being written
		}
	}
	throw new Error('no heap snapshot within 2 minutes');
}

/** Sum of self sizes: the live heap. */
export function liveBytes(t: Totals): number {
	let sum = 0;
	for (const v of t.values()) sum += v.size;
	return sum;
}

/** Growth from `a` to `b` per constructor, largest first. */
export function growth(a: Totals, b: Totals): { key: string; size: number; count: number }[] {
	return [...b.entries()]
		.map(([key, t]) => ({ key, size: t.size - (a.get(key)?.size ?? 0), count: t.count - (a.get(key)?.count ?? 0) }))
		.sort((x, y) => y.size - x.size);
}
