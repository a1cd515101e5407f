/**
 * A TCP relay between a server under test and a real service (PostgreSQL, Redis) that a test can
 * cut and restore, so that the service becomes unreachable for that server alone while every
 * other test keeps using it. Cutting destroys the relayed connections and stops listening, so new
 * connections are refused, as when the service's host goes down; restoring listens again on the
 * same port.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class TcpProxy {
	#server: Server | null = null;
	#sockets = new Set<Socket>();
	port = 0;

	private constructor(
		private readonly targetHost: string,
		private readonly targetPort: number
	) {}

	/** Starts relaying 127.0.0.1:<port> (a free port) to the target. */
	static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
		const proxy = new TcpProxy(targetHost, targetPort);
		await proxy.restore();
		return proxy;
	}

	/** `url` with its host and port replaced by this relay's. */
	rewrite(url: string): string {
		const u = new URL(url);
		u.hostname = '127.0.0.1';
		u.port = String(this.port);
		return u.toString();
	}

	/** Makes the target unreachable through this relay: open connections drop, new ones are refused. */
	async cut(): Promise<void> {
		const server = this.#server;
		this.#server = null;
		for (const socket of this.#sockets) socket.destroy();
		this.#sockets.clear();
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Listens again (on the same port after a cut). */
	async restore(): Promise<void> {
		if (this.#server) return;
		const server = createServer((client) => {
			const upstream = connect(this.targetPort, this.targetHost);
			for (const s of [client, upstream]) {
				this.#sockets.add(s);
				s.on('error', () => {});
				s.on('close', () => {
					this.#sockets.delete(s);
					client.destroy();
					upstream.destroy();
				});
			}
			client.pipe(upstream);
			upstream.pipe(client);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
		this.port = (server.address() as { port: number }).port;
		this.#server = server;
	}

	async close(): Promise<void> {
		await this.cut();
	}
}
