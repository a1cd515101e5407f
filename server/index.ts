/**
 * Production entry: one HTTP server for the SvelteKit app (adapter-node handler) and the sync
 * endpoint, with graceful shutdown that flushes documents before the process exits.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config, ConfigError } from '../src/lib/server/config';
import { initDb, closeDb } from '../src/lib/server/db';
import { log } from '../src/lib/server/logger';
import { SYNC_PATH } from '../src/lib/shared/protocol';
import { syncServer } from './sync';
import { announceDemo, firstStart } from './first-start';

const PROTOCOL_HEADER = 'x-rightsboard-protocol';

async function main(): Promise<void> {
	const cfg = config();
	await initDb();
	await firstStart(cfg);

	// adapter-node assumes https unless told otherwise. With ORIGIN set it uses that; without it,
	// the request's own scheme (always http here: TLS ends at a proxy, which must set ORIGIN).
	if (cfg.origin) process.env.ORIGIN = cfg.origin;
	else process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// adapter-node refuses bodies over 512 KB by default; the findings CSV import accepts files up
	// to 2 MB (checked in src/lib/server/findings/csv-format.ts), so allow a little more than that.
	process.env.BODY_SIZE_LIMIT ??= '3M';
	const handlerPath = join(dirname(fileURLToPath(import.meta.url)), 'app', 'handler.js');
	const { handler } = await import(pathToFileURL(handlerPath).href);
	const sync = syncServer();
	const server = createServer((req, res) => {
		req.headers[PROTOCOL_HEADER] = 'http';
		handler(req, res);
	});
	server.on('upgrade', (req, socket, head) => {
		if (req.url?.startsWith(`${SYNC_PATH}/`)) sync.handleUpgrade(req, socket, head);
		else socket.destroy();
	});

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info('shutting down', { signal });
		setTimeout(() => {
			log.error('shutdown took longer than 10 s; exiting anyway');
			process.exit(1);
		}, 10_000).unref();
		server.close();
		server.closeIdleConnections();
		await sync.shutdown();
		await closeDb();
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));

	server.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EADDRINUSE') console.error(`Port ${cfg.port} on ${cfg.host} is already in use: stop the other program or set PORT to a free port.`);
		else if (error.code === 'EACCES') console.error(`Not allowed to listen on port ${cfg.port}: choose a port above 1023 with PORT.`);
		else console.error('The HTTP server failed:', error);
		process.exit(1);
	});
	server.listen(cfg.port, cfg.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : cfg.port;
		const local = `http://${cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host}:${port}`;
		// The address it listens on first (what a proxy or a health check connects to), then the
		// public one people open, when ORIGIN sets it.
		const publicNote = cfg.origin && cfg.origin !== local ? ` (public address ${cfg.origin})` : '';
		console.log(`Rightsboard listening on ${local}${publicNote}`);
		announceDemo(cfg, cfg.origin ?? local).catch((error: unknown) => log.error('announcing the demo workshop failed', { error }));
	});
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError) console.error(error.message);
	else console.error('Rightsboard failed to start:', error);
	process.exit(1);
});
