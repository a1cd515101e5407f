/** The bench's handle on the projector process (bench/projector.ts): start it, collect, stop it. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromProjector, ToProjector } from './projector';
import type { Probe } from './probe';

export class ProjectorProcess {
	private constructor(private readonly child: ChildProcess) {}

	/** Forks the projector and resolves once its board connection completed its first sync. */
	static async start(url: string, doc: string, cookie: string, timeoutMs = 20_000): Promise<ProjectorProcess> {
		// tsx's loader, so the child runs TypeScript like the bench itself.
		const child = fork(join(import.meta.dirname, 'projector.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const handle = new ProjectorProcess(child);
		try {
			await handle.#next('ready', timeoutMs, { type: 'start', url, doc, cookie });
		} catch (error) {
			handle.stop();
			throw error;
		}
		return handle;
	}

	/** Arrivals seen since the last collect: each probe with the time the projector saw it. */
	async collect(timeoutMs = 5000): Promise<[Probe, number][]> {
		const reply = await this.#next('arrivals', timeoutMs, { type: 'collect' });
		return reply.type === 'arrivals' ? reply.arrivals : [];
	}

	stop(): void {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToProjector);
		// A projector that does not leave on request is killed.
		setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
	}

	#next(type: FromProjector['type'], timeoutMs: number, request: ToProjector): Promise<FromProjector> {
		return new Promise((resolve, reject) => {
			const done = (fn: () => void) => {
				clearTimeout(timer);
				this.child.off('message', onMessage);
				this.child.off('exit', onExit);
				fn();
			};
			const onMessage = (m: FromProjector) => {
				if (m.type === 'error') done(() => reject(new Error(`projector: ${m.message}`)));
				else if (m.type === type) done(() => resolve(m));
			};
			const onExit = (code: number | null) => done(() => reject(new Error(`projector exited with ${code}`)));
			const timer = setTimeout(() => done(() => reject(new Error(`projector: no ${type} within ${timeoutMs} ms`))), timeoutMs);
			this.child.on('message', onMessage);
			this.child.on('exit', onExit);
			this.child.send(request);
		});
	}
}
