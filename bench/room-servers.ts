/**
 * The two servers the room benchmark compares: ours (the production build with a fresh database
 * and a facilitator session, so clients may write the workshop's board document) and the reference
 * `bin/server.js` of y-websocket 1.5.4 (documents in memory, no auth). Both expose the same shape:
 * where to connect, which room, which headers, and the server's pid for /proc readings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { startServer, removeDir } from '../tests/helpers/server';
import { Fixtures } from '../tests/helpers/fixtures';
import { syncUrl } from '../tests/helpers/yclient';
import { docName } from '../src/lib/shared/protocol';

export interface BenchServer {
	label: 'ours' | 'reference';
	pid: number;
	/** The ws:// base URL a WebsocketProvider is given; the room name is appended to it. */
	serverUrl: string;
	room: string;
	headers: Record<string, string>;
	alive(): boolean;
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) {
		child.kill('SIGKILL');
		await exited;
	}
}

/** `env` is added to the server's environment (e.g. NODE_OPTIONS for heap snapshots). */
export async function startOurs(env: Record<string, string> = {}): Promise<BenchServer> {
	const server = await startServer({ env });
	const fx = new Fixtures(server.database);
	try {
		const facilitator = await fx.user('Bench facilitator');
		const workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]), 'Room bench workshop');
		return {
			label: 'ours',
			pid: server.child.pid!,
			serverUrl: syncUrl(server.url),
			room: docName('board', workshopId),
			headers: { origin: server.origin, cookie: facilitator.cookie },
			alive: () => server.child.exitCode === null && server.child.signalCode === null,
			async stop() {
				await sleep(500); // let client sockets close before the server closes them itself
				await stopChild(server.child);
				await removeDir(server.dir);
			}
		};
	} finally {
		await fx.close();
	}
}

/** The reference server's script, resolved through the aliased devDependency. */
function referenceScript(): string {
	const require = createRequire(import.meta.url);
	return join(dirname(require.resolve('y-websocket-reference/package.json')), 'bin/server.js');
}

export async function startReference(extra: Record<string, string> = {}): Promise<BenchServer> {
	const port = await freePort();
	const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), ...extra };
	// No YPERSISTENCE: the reference keeps documents in memory, its lightest configuration.
	const child = spawn(process.execPath, [referenceScript()], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`reference server did not start in 20 s:\n${out}`)), 20_000);
		child.stdout!.on('data', () => {
			if (/running at/.test(out)) (clearTimeout(timer), resolve());
		});
		child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`reference server exited with ${code}:\n${out}`))));
	});
	return {
		label: 'reference',
		pid: child.pid!,
		serverUrl: `ws://127.0.0.1:${port}`,
		room: 'bench-room',
		headers: {},
		alive: () => child.exitCode === null && child.signalCode === null,
		stop: () => stopChild(child)
	};
}

/** A port free right now (the reference server takes its port from PORT and does not report a bound one). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}
