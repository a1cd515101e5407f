/**
 * `npm run bench:workshop`: a live workshop under load. For each rung of the ladder (default 50,
 * 200, 500 participants) it starts the real server, connects N simulated phones and a projector, lets the
 * participants add and edit notes for `--seconds`, and prints how long a change takes to reach the
 * other participants and the projector, with the server's CPU and memory.
 *
 *   npm run bench:workshop -- --participants 50,200 --seconds 20
 *
 * Set RIGHTSBOARD_SERVER_ENTRY to run a copy of the build (see tests/helpers/server.ts).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runStep, type StepResult } from './step';
import { ms } from './stats';

const { values } = parseArgs({
	options: {
		participants: { type: 'string', default: '50,200,500' },
		seconds: { type: 'string', default: '20' },
		batch: { type: 'string', default: '25' },
		'min-gap': { type: 'string', default: '5' },
		'max-gap': { type: 'string', default: '10' },
		'deadline-minutes': { type: 'string', default: '20' }
	}
});

function positive(name: string, raw: string): number {
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
	return n;
}

const ladder = values.participants.split(',').map((s) => Math.round(positive('participants', s.trim())));
const seconds = positive('seconds', values.seconds);
const batch = Math.round(positive('batch', values.batch));
const minGap = positive('min-gap', values['min-gap']);
const maxGap = Math.max(minGap, positive('max-gap', values['max-gap']));
const deadlineMs = positive('deadline-minutes', values['deadline-minutes']) * 60_000;
if (ladder.some((n) => n < 2)) throw new Error('each step needs at least 2 participants (one writes, others read)');

// y-websocket adds one process 'exit' listener per provider; hundreds of them are expected here.
process.setMaxListeners(0);

const say = (line: string) => process.stderr.write(`${line}\n`);

// One deadline for the whole run: a step that hangs is cut short, cleaned up and reported.
const overall = new AbortController();
const deadline = setTimeout(() => overall.abort(), deadlineMs);
deadline.unref();
// Ctrl-C ends the current step the same way, so its server and files are still removed.
process.once('SIGINT', () => overall.abort());
process.once('SIGTERM', () => overall.abort());

const fmtMb = (r: StepResult) => (Number.isFinite(r.serverRssMb) ? `${Math.round(r.serverRssMb)} (peak ${Math.round(r.serverPeakRssMb)})` : '–');
const fmtPct = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} %` : '–');

function row(r: StepResult): string {
	const p = r.toParticipants;
	const rate = Number.isFinite(r.notesPerSecond) ? r.notesPerSecond.toFixed(1) : '–';
	const name = r.failure ? `${r.participants} ✗` : String(r.participants);
	return `| ${name} | ${rate} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(r.toProjector.p99)} | ${fmtPct(r.serverCpuPercent)} | ${fmtMb(r)} |`;
}

function detail(r: StepResult): string {
	const closes = [...r.closes].map(([code, n]) => `${n}×${code}`).join(', ') || 'none';
	return (
		`| ${r.participants} | ${r.connected} in ${Number.isFinite(r.connectSeconds) ? r.connectSeconds.toFixed(1) : '–'} s | ` +
		`${r.toParticipants.count} / ${r.missingParticipants} | ${r.toProjector.count} / ${r.missingProjector} | ` +
		`${ms(r.toParticipants.max)} | ${ms(r.toProjector.p50)} | ${fmtPct(r.clientCpuPercent)} | ${ms(r.clientLagP99Ms)} | ${closes} | ${fmtPct(r.machineCpuPercent)} |`
	);
}

async function main(): Promise<void> {
	say(`live-workshop bench: ladder ${ladder.join(' / ')}, ${seconds} s per step, a change every ${minGap}-${maxGap} s per participant, ` + `${cpus().length} CPU(s), node ${process.version}`);
	const results: StepResult[] = [];
	for (const participants of ladder) {
		if (overall.signal.aborted) break;
		say(`step: ${participants} participants`);
		const r = await runStep(
			{
				participants,
				seconds,
				batch,
				batchTimeoutMs: 30_000,
				drainMs: 20_000,
				plan: { minMs: minGap * 1000, maxMs: maxGap * 1000, maxNotes: 3 },
				signal: overall.signal
			},
			say
		);
		results.push(r);
		say(`  ${row(r)}${r.failure ? `\n  failed: ${r.failure}` : ''}`);
	}
	const skipped = ladder.slice(results.length);

	console.log('| participants | notes/s | p50 | p95 | p99 (to participants) | p99 (to projector) | server CPU % | server RSS MB |');
	console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of results) console.log(row(r));
	console.log('');
	console.log('| participants | connected (set-up time) | deliveries to participants / missing | to projector / missing | max to participants | p50 to projector | bench client CPU % | client event-loop delay p99 | unexpected closes | machine CPU % (all processes) |');
	console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
	for (const r of results) console.log(detail(r));
	console.log('');
	for (const r of results) if (r.failure) console.log(`- ${r.participants} participants did not complete: ${r.failure}`);
	for (const r of results) {
		// The simulated phones share one process (one core at most): once it is saturated, arrival
		// times measure the bench's own queue as much as the server.
		if (r.clientCpuPercent > 80 || r.clientLagP99Ms > 100) {
			console.log(`- ${r.participants} participants: the bench's client process was saturated (CPU ${fmtPct(r.clientCpuPercent)}, event-loop delay p99 ${ms(r.clientLagP99Ms)}); participant latencies include its backlog`);
		}
	}
	if (skipped.length) console.log(`- not run (deadline reached): ${skipped.join(', ')} participants`);

	const done = results.filter((r) => !r.failure);
	const top = done.at(-1);
	console.log(
		top
			? `Summary: up to ${top.participants} participants (${top.notesPerSecond.toFixed(1)} notes/s), p99 to participants ${ms(top.toParticipants.p99)}, to projector ${ms(top.toProjector.p99)}, server CPU ${fmtPct(top.serverCpuPercent)} of one core; ` +
					`${results.length - done.length + skipped.length} step(s) did not complete.`
			: 'Summary: no step completed.'
	);
	process.exitCode = results.length === ladder.length && done.length === results.length ? 0 : 1;
}

main()
	.catch((error: unknown) => {
		say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exitCode = 1;
	})
	.finally(() => {
		clearTimeout(deadline);
		// Stray client timers (reconnect back-off) must not keep the process alive.
		setTimeout(() => process.exit(), 1000).unref();
	});
