// `npm run test:fuzz -- --frames N`: the long version of tests/integration/fuzz.test.ts. Hostile
// sockets (fuzzed bursts, oversized frames, text frames, floods, slow readers) against the real
// server while a calm room keeps syncing; exits non-zero unless everything held.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { startServer, removeDir } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { createClient, syncUrl, waitFor } from '../helpers/yclient';
import { seedFrames } from '../helpers/fuzz';
import { flood, fuzzBurst, oversized, slowReader, textFrame, type SocketOutcome, type Target } from '../helpers/hostile-sockets';
import { CloseCode, docName } from '../../src/lib/shared/protocol';
import { addNote, listNotes } from '../../src/lib/shared/doc-schema';

const { values } = parseArgs({
	options: { frames: { type: 'string', default: '100000' }, parallel: { type: 'string', default: '6' } }
});
const frames = Number(values.frames);
const parallel = Number(values.parallel);
if (!Number.isInteger(frames) || frames < 1000 || !Number.isInteger(parallel) || parallel < 1) {
	console.error('--frames must be a whole number ≥ 1000 and --parallel a positive whole number');
	process.exit(2);
}

const NAMED = new Set<number>(Object.values(CloseCode).map((c) => c.code));
const CLIENT_CLOSE = 1000; // a burst that did not break the connection ends with the client's own close
const SLOW_CLOSE = /code=4530/g;
const started = Date.now();
const server = await startServer();
const failures: string[] = [];

const fx = new Fixtures(server.database);
const user = await fx.user();
const org = await fx.organisation([[user, 'owner']]);
const fuzzedWorkshop = await fx.workshop(org);
const heavy = docName('board', await fx.workshop(org));
const calm = docName('board', await fx.workshop(org));
await fx.close();
const headers = { cookie: user.cookie, origin: server.origin };
const target = (doc: string): Target => ({ url: `${syncUrl(server.url)}/${doc}`, headers });
// A writable board, the action points (awareness rewritten) and the read-only control document.
const fuzzTargets = (['board', 'actions', 'control'] as const).map((kind) => target(docName(kind, fuzzedWorkshop)));

// The calm room: two ordinary clients, one writing a note every 100 ms throughout.
const a = createClient(server.url, calm, { cookie: user.cookie });
const b = createClient(server.url, calm, { cookie: user.cookie });
await Promise.all([a.synced(), b.synced()]);
let calmDrops = 0;
for (const c of [a, b]) c.provider.on('status', ({ status }) => status === 'disconnected' && calmDrops++);
let calmNotes = 0;
const calmTimer = setInterval(() => addNote(a.doc, `calm-${calmNotes++}`, 'still here'), 100);

// A large document (4 × 400 KB) for the slow readers to ask for again and again.
const writer = createClient(server.url, heavy, { cookie: user.cookie });
await writer.synced();
for (let i = 0; i < 4; i++) writer.doc.getText('bulk').insert(0, String(i).repeat(400_000));
const check = createClient(server.url, heavy, { cookie: user.cookie });
await waitFor(() => check.doc.getText('bulk').length === 1_600_000, 60_000, 'the large document');
writer.destroy();
check.destroy();

const codes: Record<string, number> = {};
const kinds: Record<string, number> = {};
let sent = 0;
let reserved = 0;
let connections = 0;
let nextProgress = frames / 10;
const tally = (kind: string, outcome: SocketOutcome, allowed: (code: number) => boolean) => {
	connections++;
	sent += outcome.frames;
	kinds[kind] = (kinds[kind] ?? 0) + 1;
	codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
	if (!allowed(outcome.code)) failures.push(`${kind} connection closed with unnamed code ${outcome.code}`);
	if (sent >= nextProgress) {
		console.log(`${sent}/${frames} frames, ${connections} connections, ${((Date.now() - started) / 1000).toFixed(0)} s`);
		nextProgress += frames / 10;
	}
};
const named = (code: number) => NAMED.has(code) || code === CLIENT_CLOSE;

const seeds = seedFrames();
const worker = async (w: number) => {
	for (let i = w; reserved < frames; i += parallel) {
		const t = fuzzTargets[i % fuzzTargets.length]!;
		const slot = i % 100;
		const remaining = frames - reserved;
		let kind: string;
		let quota: number;
		let run: () => Promise<SocketOutcome>;
		if (slot === 11) [kind, quota, run] = ['oversized', 1, () => oversized(t)];
		else if (slot === 37) [kind, quota, run] = ['text', 1, () => textFrame(t)];
		else if (slot === 73 && remaining >= 1000) [kind, quota, run] = ['flood', 1000, () => flood(t, 1000)];
		else {
			quota = Math.min(50, remaining);
			[kind, run] = ['fuzzed', () => fuzzBurst(t, seeds, quota)];
		}
		reserved += quota;
		const outcome = await run();
		reserved -= quota - outcome.frames;
		tally(kind, outcome, named);
	}
};

// Slow readers, one at a time alongside the workers: each resumes reading once the server has
// logged that it gave up on one more of them.
const slowTotal = Math.max(1, Math.round(frames / 100_000));
const slowLogged = () => server.output().match(SLOW_CLOSE)?.length ?? 0;
const slow = async () => {
	for (let i = 0; i < slowTotal; i++) {
		const before = slowLogged();
		const outcome = await slowReader(target(heavy), 40, () => waitFor(() => slowLogged() > before, 60_000, 'the slow-reader close'));
		reserved += outcome.frames;
		// It cannot see the close frame if the server cut it off first; the log line names the code.
		tally('slow reader', outcome, (code) => code === CloseCode.SlowReader.code || code === 1006);
	}
};

await Promise.all([slow(), ...Array.from({ length: parallel }, (_, w) => worker(w))]);
clearInterval(calmTimer);

// The server is up and answers; the calm room converged and never dropped; the fuzzed room serves.
const alive = server.child.exitCode === null && server.child.signalCode === null;
const health = alive ? await fetch(`${server.url}/healthz`).then((r) => r.json() as Promise<{ status: string }>) : null;
if (!alive || health?.status !== 'ok') failures.push('server not alive');
addNote(a.doc, 'calm-final', 'done');
const noteCount = calmNotes + 1;
let converged = true;
try {
	await waitFor(() => listNotes(b.doc).length === noteCount, 30_000, 'the calm room');
	converged = Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)));
} catch {
	converged = false;
}
if (!converged) failures.push('calm room did not converge');
const drops = calmDrops; // closing the clients below counts as a drop too
if (drops > 0) failures.push(`calm room clients disconnected ${drops} times`);
if (alive) {
	const fresh = createClient(server.url, docName('board', fuzzedWorkshop), { cookie: user.cookie });
	await fresh.synced();
	fresh.destroy();
}
a.destroy();
b.destroy();

// Logs: at most one bounded line per closed connection (plus the start-up lines), no errors.
const lines = server.output().split('\n').filter(Boolean);
const longest = Math.max(...lines.map((l) => l.length));
const errors = lines.filter((l) => / ERROR /.test(l)).length;
if (lines.length > connections + 5) failures.push(`${lines.length} log lines for ${connections} closed connections`);
if (longest >= 600) failures.push(`a log line of ${longest} characters`);
if (errors > 0) failures.push(`${errors} error lines`);
if (sent !== frames) failures.push(`sent ${sent} frames, not ${frames}`);
const slowConfirmed = slowLogged();
if (slowConfirmed < slowTotal) failures.push(`only ${slowConfirmed} of ${slowTotal} slow readers closed with 4530`);

const peakMb = alive ? Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024 : 0;
await server.stop();
await removeDir(server.dir);

const codeList = Object.entries(codes)
	.map(([code, n]) => `${code}×${n}`)
	.join(', ');
const kindList = Object.entries(kinds)
	.map(([kind, n]) => `${kind} ${n}`)
	.join(', ');
const secs = ((Date.now() - started) / 1000).toFixed(0);
console.log(
	`fuzz frames: ${sent} over ${connections} connections (${kindList}); close codes: ${codeList}; ` +
		`slow readers closed with 4530 (server log): ${slowConfirmed}/${slowTotal}; server ${alive ? 'alive' : 'DOWN'}, peak RSS ${peakMb.toFixed(0)} MB; ` +
		`calm room ${converged ? 'converged' : 'NOT converged'} (${noteCount} notes, ${drops} drops); ` +
		`log: ${lines.length} lines for ${connections} connections, longest ${longest} chars, ${errors} errors; ${secs} s` +
		(failures.length ? `; FAILED: ${failures.join('; ')}` : '')
);
process.exit(failures.length === 0 ? 0 : 1);
