/**
 * The parent's side of the passive members: forks `processes` hosts (passive-host.ts), spreads the
 * members over them, and reads their CPU time from /proc so the bench can say when they, rather
 * than the server, were the bottleneck.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromHost, ToHost } from './passive-host';
import type { MemberTarget } from './passive-wire';
import { readUsage, type Usage } from './process-usage';

type Reply<T extends FromHost['type']> = Extract<FromHost, { type: T }>;

class Host {
	readonly child: ChildProcess;
	#waiting = new Map<string, (m: FromHost) => void>();

	constructor() {
		// tsx's loader, so the child runs TypeScript like the bench itself.
		this.child = fork(join(import.meta.dirname, 'passive-host.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		this.child.on('message', (m: FromHost) => {
			const key = m.type === 'error' ? [...this.#waiting.keys()][0] : m.type;
			const done = key ? this.#waiting.get(key) : undefined;
			if (key) this.#waiting.delete(key);
			done?.(m);
		});
	}

	ask<T extends 'joined' | 'stats'>(message: ToHost, reply: T): Promise<Reply<T>> {
		return new Promise((resolve, reject) => {
			this.#waiting.set(reply, (m) => (m.type === 'error' ? reject(new Error(m.message)) : resolve(m as Reply<T>)));
			this.child.send(message);
		});
	}
}

export interface PassiveStats {
	frames: number;
	bytes: number;
	closed: number;
}

export class PassivePool {
	readonly #hosts: Host[];

	constructor(processes: number) {
		this.#hosts = Array.from({ length: Math.max(1, processes) }, () => new Host());
	}

	/** Joins `count` members spread over the hosts; resolves with how many synced. */
	async join(target: MemberTarget, count: number, batch: number, timeoutMs: number): Promise<number> {
		const share = (i: number) => Math.floor(count / this.#hosts.length) + (i < count % this.#hosts.length ? 1 : 0);
		const perHostBatch = Math.max(1, Math.round(batch / this.#hosts.length));
		const replies = await Promise.all(this.#hosts.map((h, i) => h.ask({ type: 'join', target, count: share(i), batch: perHostBatch, timeoutMs }, 'joined')));
		return replies.reduce((sum, r) => sum + r.synced, 0);
	}

	async stats(): Promise<PassiveStats> {
		const all = await Promise.all(this.#hosts.map((h) => h.ask({ type: 'stats' }, 'stats')));
		return all.reduce((a, s) => ({ frames: a.frames + s.frames, bytes: a.bytes + s.bytes, closed: a.closed + s.closed }), { frames: 0, bytes: 0, closed: 0 });
	}

	/** CPU time of every host, for the share of a core each used over a window. */
	usage(): (Usage | null)[] {
		return this.#hosts.map((h) => (h.child.pid ? readUsage(h.child.pid) : null));
	}

	async stop(): Promise<void> {
		await Promise.all(
			this.#hosts.map(
				(h) =>
					new Promise<void>((resolve) => {
						if (h.child.exitCode !== null) return resolve();
						h.child.once('exit', () => resolve());
						h.child.send({ type: 'stop' } satisfies ToHost);
						setTimeout(() => (h.child.kill('SIGKILL'), resolve()), 5000).unref();
					})
			)
		);
	}
}
