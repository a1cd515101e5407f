/**
 * One rung of the ladder: a fresh server and database, one workshop in a brainstorm, a projector
 * and N participants; then a timed window of writes, a bounded drain, and the numbers. Everything
 * it starts is stopped and removed in `finally`, whatever happened.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer, removeDir, type RunningServer } from '../tests/helpers/server';
import { Fixtures } from '../tests/helpers/fixtures';
import { postAction } from '../tests/helpers/actions';
import { docName } from '../src/lib/shared/protocol';
import { Deliveries } from './deliveries';
import { Crowd, type WritePlan } from './participants';
import { ProjectorProcess } from './projector-client';
import { cpuPercent, readMachine, readUsage, type Usage } from './process-usage';
import { percentiles, type Percentiles } from './stats';
import { now } from './probe';

export interface StepOptions {
	participants: number;
	seconds: number;
	batch: number;
	batchTimeoutMs: number;
	drainMs: number;
	plan: WritePlan;
	/** Cancels the step early (the bench's overall deadline); cleanup still runs. */
	signal: AbortSignal;
}

export interface StepResult {
	participants: number;
	connected: number;
	/** Empty when the step ran to the end; otherwise what stopped it. */
	failure: string;
	connectSeconds: number;
	notesPerSecond: number;
	toParticipants: Percentiles;
	toProjector: Percentiles;
	missingParticipants: number;
	missingProjector: number;
	serverCpuPercent: number;
	serverRssMb: number;
	serverPeakRssMb: number;
	clientCpuPercent: number;
	clientLagP99Ms: number;
	closes: Map<number, number>;
	/**
	 * CPU busy on the whole machine during the window, % of one core (all cores: 100 × cores).
	 * Well above server + bench client means other work on the machine skewed the numbers.
	 */
	machineCpuPercent: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
	});

export async function runStep(o: StepOptions, say: (line: string) => void): Promise<StepResult> {
	const toParticipants = new Deliveries();
	const toProjector = new Deliveries();
	const result: StepResult = {
		participants: o.participants,
		connected: 0,
		failure: '',
		connectSeconds: Number.NaN,
		notesPerSecond: Number.NaN,
		toParticipants: percentiles([]),
		toProjector: percentiles([]),
		missingParticipants: 0,
		missingProjector: 0,
		serverCpuPercent: Number.NaN,
		serverRssMb: Number.NaN,
		serverPeakRssMb: Number.NaN,
		clientCpuPercent: Number.NaN,
		clientLagP99Ms: Number.NaN,
		closes: new Map(),
		machineCpuPercent: Number.NaN
	};
	let server: RunningServer | null = null;
	let fx: Fixtures | null = null;
	let projector: ProjectorProcess | null = null;
	let crowd: Crowd | null = null;
	try {
		server = await startServer();
		const pid = server.child.pid!;
		fx = new Fixtures(server.database);
		const facilitator = await fx.user('Bench facilitator');
		const workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]), 'Bench workshop');
		const activityId = await fx.activity(workshopId, 'Barriers to services', 'brainstorm', 0, 'role_group');
		const moved = await postAction(server.url, `/workshops/${workshopId}/console`, { command: 'goto', activityId }, { cookie: facilitator.cookie });
		if (moved.type !== 'success') throw new Error(`goto failed: ${JSON.stringify(moved)}`);

		projector = await ProjectorProcess.start(server.url, docName('board', workshopId), facilitator.cookie);
		crowd = new Crowd(server.url, workshopId, { participants: toParticipants, projector: toProjector });
		const joinStart = now();
		result.connected = await crowd.join(fx, o.participants, o.batch, o.batchTimeoutMs, (n) => {
			if (n % 100 === 0 || n === o.participants) say(`  ${n}/${o.participants} participants connected`);
		});
		result.connectSeconds = (now() - joinStart) / 1000;
		result.closes = crowd.closes;
		if (result.connected < o.participants) {
			result.failure = `only ${result.connected} of ${o.participants} participants completed their first sync (batches of ${o.batch}, ${o.batchTimeoutMs / 1000} s each)`;
			return result;
		}
		await sleep(2000, o.signal); // let the last joins settle before the window opens
		if (o.signal.aborted) throw new Error('deadline reached before writing');

		const lag = monitorEventLoopDelay({ resolution: 1 }); // 1 ms sampling: the floor of the reported delay
		const before = readUsage(pid);
		const clientBefore = process.cpuUsage();
		const machineBefore = readMachine();
		const start = now();
		let last: Usage | null = before;
		const sampler = setInterval(() => (last = readUsage(pid) ?? last), 1000);
		lag.enable();
		toParticipants.open(start);
		toProjector.open(start);
		crowd.startWriting(o.plan);
		await sleep(o.seconds * 1000, o.signal);
		const end = now();
		toParticipants.close(end);
		toProjector.close(end);
		const after = readUsage(pid);
		const clientCpu = process.cpuUsage(clientBefore);
		const machineAfter = readMachine();
		lag.disable();
		clearInterval(sampler);
		crowd.stopWriting();
		if (o.signal.aborted) result.failure = 'stopped early by the overall deadline';

		const wall = end - start;
		result.notesPerSecond = toParticipants.versions / (wall / 1000);
		if (before && after) {
			result.serverCpuPercent = cpuPercent(before, after, wall);
			result.serverRssMb = Math.max(after.rssMb, last?.rssMb ?? 0);
			result.serverPeakRssMb = after.peakRssMb;
		}
		result.clientCpuPercent = ((clientCpu.user + clientCpu.system) / 1000 / wall) * 100;
		result.clientLagP99Ms = lag.percentile(99) / 1e6;
		if (machineBefore && machineAfter) result.machineCpuPercent = ((machineAfter.busyMs - machineBefore.busyMs) / wall) * 100;

		// Drain: changes sent near the end of the window still count, for a bounded time. The
		// projector's reply passes through this process's event loop, which may be backlogged
		// under load, so a late reply is retried until the drain ends rather than failing the step.
		const drainEnd = now() + o.drainMs;
		let collectError = '';
		do {
			await sleep(250);
			try {
				for (const [probe, at] of await projector.collect(Math.max(1000, drainEnd - now()))) toProjector.arrived(probe, -1, at);
				collectError = '';
			} catch (error) {
				collectError = error instanceof Error ? error.message : String(error);
			}
		} while ((toParticipants.missing > 0 || toProjector.missing > 0) && now() < drainEnd);
		const missing = toParticipants.missing + toProjector.missing;
		if (server.child.exitCode !== null) result.failure ||= `server exited with ${server.child.exitCode}`;
		else if (collectError) result.failure ||= collectError;
		else if (missing > 0) {
			result.failure ||= `${toParticipants.missing} deliveries to participants and ${toProjector.missing} to the projector not seen within ${o.drainMs / 1000} s after the window (the percentiles leave them out, so they understate)`;
		}
		return result;
	} catch (error) {
		result.failure = error instanceof Error ? error.message : String(error);
		if (server && server.child.exitCode !== null) result.failure += `; server output:\n${server.output().slice(-2000)}`;
		return result;
	} finally {
		result.toParticipants = percentiles(toParticipants.latencies);
		result.toProjector = percentiles(toProjector.latencies);
		result.missingParticipants = toParticipants.missing;
		result.missingProjector = toProjector.missing;
		crowd?.destroy();
		projector?.stop();
		await fx?.close();
		if (server) {
			await sleep(500); // let the sockets close before the server closes them as "restarting"
			const stopped = server.stop();
			if (!(await Promise.race([stopped.then(() => true), sleep(15_000).then(() => false)]))) await server.kill();
			await removeDir(server.dir);
		}
	}
}
