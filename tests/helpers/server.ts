/**
 * Starts the real production server (build/server.js) as a child process on port 0 with its
 * own temporary database: a SQLite file in its folder, or its own PostgreSQL database when the
 * suite runs on PostgreSQL (test-database.ts), with the V8 flags `npm start` gives it
 * (server/node-flags.js) unless RIGHTSBOARD_SERVER_NODE_FLAGS says otherwise. Run `node server/build.js` first (npm test does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseFor, dropDatabaseFor } from './test-database';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js';

const ROOT = resolve(import.meta.dirname, '../..');
// RIGHTSBOARD_SERVER_ENTRY lets long proof runs use a copy of the build while the tree is rebuilt.
const ENTRY = process.env.RIGHTSBOARD_SERVER_ENTRY ?? join(ROOT, 'build/server.js');
// RIGHTSBOARD_SERVER_NODE_FLAGS replaces the production V8 flags (space-separated; empty for none),
// so that a proof or benchmark can measure what a flag costs or saves.
const NODE_FLAGS = process.env.RIGHTSBOARD_SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? SERVER_NODE_FLAGS;

export interface RunningServer {
	url: string;
	port: number;
	origin: string;
	/** The server's DATABASE_URL: a SQLite file path or a postgres:// URL (for Fixtures). */
	database: string;
	dir: string;
	child: ChildProcess;
	output: () => string;
	/** SIGTERM and wait for exit (graceful). */
	stop(): Promise<number | null>;
	/** SIGKILL and wait for exit (crash). */
	kill(): Promise<void>;
}

export interface StartOptions {
	/** Reuse a folder (restart on the same database); a new temp folder otherwise. */
	dir?: string;
	env?: Record<string, string>;
	port?: number;
}

/** A fresh temp folder for a test database. */
export function tempDir(prefix = 'rightsboard-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a test folder and the database that belongs to it. */
export async function removeDir(dir: string): Promise<void> {
	rmSync(dir, { recursive: true, force: true });
	await dropDatabaseFor(dir);
}

/** Spawns the server and resolves once it prints its listening line. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "node server/build.js" first`);
	const dir = options.dir ?? tempDir();
	const database = await databaseFor(dir);
	const child = spawn(process.execPath, [...NODE_FLAGS, ENTRY], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATABASE_URL: database,
			LOG_LEVEL: 'warn',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

	const url = await new Promise<string>((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`server did not start in 20 s:\n${out}`)), 20_000);
		const onData = () => {
			const m = /Rightsboard listening on (\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				res(m[1]!);
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			rej(new Error(`server exited with ${code} before listening:\n${out}`));
		});
	});
	const port = Number(new URL(url).port);
	return {
		url,
		port,
		origin: new URL(url).origin,
		database,
		dir,
		child,
		output: () => out,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			child.kill('SIGTERM');
			return exited;
		},
		async kill() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGKILL');
			await exited;
		}
	};
}
