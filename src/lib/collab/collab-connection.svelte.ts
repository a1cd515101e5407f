/**
 * One synced Yjs document in the browser: a Y.Doc kept in step with the server through the stock
 * y-websocket provider, with the connection state as `$state` for the UI. Create it in the browser
 * only (it opens a socket) and call destroy() when the page goes away.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH } from '../shared/protocol';
import { connectionState, shouldReconnectAfter, type ConnectionState, type SocketStatus } from './connection-state';
import { jitterReconnects } from './reconnect-jitter';

/** The sync endpoint on the page's own host, ws: or wss: to match the page. */
export function syncServerUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
	return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${SYNC_PATH}`;
}

export class CollabConnection {
	readonly doc = new Y.Doc();
	readonly #provider: WebsocketProvider;
	#socket = $state<SocketStatus>('connecting');
	#synced = $state(false);
	#everSynced = $state(false);
	#online = $state(true);
	#closed = $state(false);
	readonly #cleanups: (() => void)[] = [];

	/** @param documentName a name from `docName(kind, workshopId)` */
	constructor(documentName: string, options: { readOnly?: boolean; serverUrl?: string } = {}) {
		this.#online = navigator.onLine;
		this.#provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(), documentName, this.doc, {
			shouldReconnect: (event) => shouldReconnectAfter(event.code),
			// The server honours a request for less access (a projector never writes), never for more.
			params: options.readOnly ? { readonly: '1' } : {}
		});
		// After a server restart every open page would otherwise knock at the same instants.
		this.#cleanups.push(jitterReconnects(this.#provider));
		const onStatus = ({ status }: { status: SocketStatus }) => (this.#socket = status);
		const onSync = (synced: boolean) => {
			this.#synced = synced;
			if (synced) this.#everSynced = true;
		};
		const onClosed = () => (this.#closed = true);
		this.#provider.on('status', onStatus);
		this.#provider.on('sync', onSync);
		this.#provider.on('closed', onClosed);
		const onOnline = () => (this.#online = true);
		const onOffline = () => (this.#online = false);
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
		this.#cleanups.push(
			() => this.#provider.off('status', onStatus),
			() => this.#provider.off('sync', onSync),
			() => this.#provider.off('closed', onClosed),
			() => window.removeEventListener('online', onOnline),
			() => window.removeEventListener('offline', onOffline)
		);
	}

	/** What to tell people about the connection. */
	get state(): ConnectionState {
		return connectionState({
			socket: this.#socket,
			synced: this.#synced,
			everSynced: this.#everSynced,
			online: this.#online,
			closed: this.#closed
		});
	}

	/** True once the document has been loaded from the server at least once. */
	get loaded(): boolean {
		return this.#everSynced;
	}

	/** Shares a presence fact (e.g. `writing`) with the server through awareness. */
	setPresence(field: string, value: unknown): void {
		this.#provider.awareness.setLocalStateField(field, value);
	}

	/** The provider's awareness (remote cursors on case documents; the server labels them). */
	get awareness(): WebsocketProvider['awareness'] {
		return this.#provider.awareness;
	}

	/** Closes the socket and frees the document; the instance is unusable afterwards. */
	destroy(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		this.#provider.destroy();
		this.doc.destroy();
	}
}
