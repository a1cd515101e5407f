/**
 * Dev only: serves the sync endpoint from Vite's own HTTP server, loading the sync code through
 * Vite's SSR module graph so it shares modules (database, rooms) with the SvelteKit routes.
 */
import type { Plugin } from 'vite';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SYNC_PATH } from '../src/lib/shared/protocol.ts';

export function devSync(): Plugin {
	return {
		name: 'rightsboard-dev-sync',
		apply: 'serve',
		configureServer(server) {
			// Vitest runs configureServer too; the sync server must not start inside test workers.
			if (process.env.VITEST) return;
			const load = () => server.ssrLoadModule('/server/sync/index.ts');
			// Start the sync server with the dev server, so routes can publish before anyone connects.
			server.httpServer?.once('listening', () => {
				load()
					.then((mod) => mod.startSyncServer())
					.catch((err: unknown) => server.config.logger.error(`sync server failed to start: ${String(err)}`));
			});
			server.httpServer?.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (!req.url?.startsWith(`${SYNC_PATH}/`)) return;
				load()
					.then(async (mod) => (await mod.startSyncServer()).handleUpgrade(req, socket, head))
					.catch((err: unknown) => {
						server.config.logger.error(`sync upgrade failed: ${String(err)}`);
						socket.destroy();
					});
			});
		}
	};
}
