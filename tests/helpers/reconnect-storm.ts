/**
 * Reconnect storm: many participants' boards open across several workshops, the server is
 * restarted (SIGTERM, then started again on the same port and database), and every client comes
 * back by itself. Clients are set up as the app's CollabConnection sets up its provider: stock
 * `WebsocketProvider`, default backoff cap, the app's shouldReconnect and (unless turned off) its
 * jittered backoff.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, removeDir, tempDir, type RunningServer } from './server';
import { Fixtures } from './fixtures';
import { socketWithHeaders, syncUrl, waitFor } from './yclient';
import { docName } from '../../src/lib/shared/protocol';
import { shouldReconnectAfter } from '../../src/lib/collab/connection-state';
import { jitterReconnects } from '../../src/lib/collab/reconnect-jitter';

export interface StormOptions {
	clients: number;
	rooms: number;
	jitter: boolean;
	/** How long to wait for everyone to come back before giving up. */
	deadlineMs?: number;
}

export interface StormResult {
	clients: number;
	rooms: number;
	/** SIGTERM until the old server exited. */
	stopMs: number;
	/** SIGTERM until the new server listened. */
	restartMs: number;
	/** Per client that came back: from the new server listening to its socket open, sorted. */
	openMs: number[];
	/** Per client that came back: from the new server listening to synced, sorted. */
	backMs: number[];
	/** Per client that came back: from SIGTERM to synced, sorted. */
	backSinceTermMs: number[];
	/** Close codes the clients saw (1006: the socket dropped or could not connect). */
	closeCodes: Record<number, number>;
	/** Connection attempts that failed while the server was away. */
	failedAttempts: number;
}

/** The value at quantile `q` of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

interface Client {
	provider: WebsocketProvider;
	doc: Y.Doc;
	opened: number | null;
	back: number | null;
}

export async function runStorm(options: StormOptions): Promise<StormResult> {
	const dir = tempDir('rightsboard-storm-');
	let server: RunningServer = await startServer({ dir });
	const clients: Client[] = [];
	try {
		const fx = new Fixtures(server.database);
		const owner = await fx.user();
		const org = await fx.organisation([[owner, 'owner']]);
		const workshops: string[] = [];
		for (let i = 0; i < options.rooms; i++) workshops.push(await fx.workshop(org));
		const cookies: { workshopId: string; cookie: string }[] = [];
		for (let i = 0; i < options.clients; i++) {
			const workshopId = workshops[i % workshops.length]!;
			cookies.push({ workshopId, cookie: (await fx.participant(workshopId, `P${i}`)).cookie });
		}
		await fx.close();

		const closeCodes: Record<number, number> = {};
		let failedAttempts = 0;
		let restarting = false;
		const url = syncUrl(server.url);
		// Connect in batches of 50, each waiting for its first sync, as people arrive.
		for (let start = 0; start < cookies.length; start += 50) {
			const batch = cookies.slice(start, start + 50).map(({ workshopId, cookie }) => {
				const doc = new Y.Doc();
				const provider = new WebsocketProvider(url, docName('board', workshopId), doc, {
					disableBc: true,
					WebSocketPolyfill: socketWithHeaders({ cookie, origin: server.origin }) as unknown as typeof WebSocket,
					shouldReconnect: (event) => shouldReconnectAfter(event.code)
				});
				if (options.jitter) jitterReconnects(provider);
				const client: Client = { provider, doc, opened: null, back: null };
				provider.on('status', ({ status }) => {
					if (status === 'connected' && restarting && client.opened === null) client.opened = performance.now();
				});
				provider.on('connection-close', (event) => {
					if (!restarting) return;
					const code = event?.code ?? 1006;
					closeCodes[code] = (closeCodes[code] ?? 0) + 1;
					if (code === 1006) failedAttempts++;
				});
				provider.on('sync', (synced) => {
					if (synced && restarting && client.back === null) client.back = performance.now();
				});
				clients.push(client);
				return client;
			});
			await waitFor(() => batch.every((c) => c.provider.synced), 60_000, 'clients to connect');
		}

		restarting = true;
		const term = performance.now();
		await server.stop();
		const stopped = performance.now();
		server = await startServer({ dir, port: server.port });
		const up = performance.now();
		const deadline = options.deadlineMs ?? 60_000;
		await waitFor(() => clients.every((c) => c.back !== null), deadline, 'clients to come back').catch(() => {});
		restarting = false; // closing the clients below is not part of the storm

		const back = clients.filter((c) => c.back !== null).map((c) => c.back!);
		return {
			clients: options.clients,
			rooms: options.rooms,
			stopMs: stopped - term,
			restartMs: up - term,
			openMs: clients.filter((c) => c.opened !== null).map((c) => Math.max(0, c.opened! - up)).sort((x, y) => x - y),
			backMs: back.map((t) => Math.max(0, t - up)).sort((x, y) => x - y),
			backSinceTermMs: back.map((t) => t - term).sort((x, y) => x - y),
			closeCodes,
			failedAttempts
		};
	} finally {
		for (const c of clients) {
			c.provider.destroy();
			c.doc.destroy();
		}
		await server.stop();
		await removeDir(dir);
	}
}
