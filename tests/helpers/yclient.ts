/**
 * Real y-websocket clients (the stock WebsocketProvider from npm) for tests, talking to the real
 * server over `ws` with the session cookie and Origin a browser would send.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH } from '../../src/lib/shared/protocol';

// y-websocket adds a process 'exit' listener per provider in Node; tests open many on purpose.
process.setMaxListeners(0);

export interface ClientOptions {
	cookie?: string;
	origin?: string;
	connect?: boolean;
	/** Query parameters for the sync URL (e.g. `{ readonly: '1' }`). */
	params?: Record<string, string>;
}

/** A ws WebSocket class that sends fixed headers, as a browser sends cookies and Origin. */
export function socketWithHeaders(headers: Record<string, string>): typeof WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	} as typeof WebSocket;
}

/** The ws:// base URL of the sync endpoint of a server at `httpUrl`. */
export function syncUrl(httpUrl: string): string {
	return `${httpUrl.replace(/^http/, 'ws')}${SYNC_PATH}`;
}

/** A stock provider on a fresh Y.Doc, with broadcast channels disabled so it really uses the server. */
export function createClient(httpUrl: string, doc: string, options: ClientOptions = {}) {
	const ydoc = new Y.Doc();
	const headers: Record<string, string> = { origin: options.origin ?? new URL(httpUrl).origin };
	if (options.cookie) headers.cookie = options.cookie;
	const provider = new WebsocketProvider(syncUrl(httpUrl), doc, ydoc, {
		connect: options.connect ?? true,
		params: options.params ?? {},
		disableBc: true,
		WebSocketPolyfill: socketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
		maxBackoffTime: 500
	});
	return {
		doc: ydoc,
		provider,
		/** Resolves once the first sync with the server completed. */
		synced: () =>
			new Promise<void>((resolve) => {
				if (provider.synced) return resolve();
				const on = (s: boolean) => {
					if (s) {
						provider.off('sync', on);
						resolve();
					}
				};
				provider.on('sync', on);
			}),
		destroy: () => {
			provider.destroy();
			ydoc.destroy();
		}
	};
}

/** Waits until `check` is (or resolves to) true, polling; rejects after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or 101 when accepted. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', (e) => reject(e));
	});
}
