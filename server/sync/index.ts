/**
 * The sync server: the standard y-websocket protocol at /sync/<document>, authorised at the
 * upgrade, durable before broadcast, bounded per connection. One per process (globalThis, so the
 * SvelteKit routes and the server entry share it in both dev and production).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { WebSocketServer } from 'ws';
import { CloseCode, parseDocName } from '../../src/lib/shared/protocol';
import { writeControl } from '../../src/lib/shared/control-schema';
import { controlSnapshot } from '../../src/lib/server/live/publish';
import { dbHandle, getDb, initDb } from '../../src/lib/server/db';
import { config } from '../../src/lib/server/config';
import { updateStore } from '../../src/lib/server/open-update-store';
import { log } from '../../src/lib/server/logger';
import { Connection } from './connection';
import { defaultSyncOptions, type SyncOptions } from './options';
import { RoomRegistry } from './rooms';
import { UpdateLog } from '../../src/lib/server/update-log';
import { authorise, type Principal } from './upgrade';
import { onDocumentCommitted } from './participant-notes';
import { watchCaseContributions } from './case-contributions';
import { PresenceTracker } from './presence';
import { registerLiveHub, type DocChange, type LiveHub } from '../../src/lib/server/live/hub';
import { SERVER_ORIGIN, type Peer, type Room } from './room';
import { LocalRelay, type Relay } from './relay';
import { RedisRelay } from './redis-relay';
import type * as Y from 'yjs';

export class SyncServer implements LiveHub {
	readonly rooms: RoomRegistry;
	readonly updateLog: UpdateLog;
	readonly relay: Relay;
	#wss: WebSocketServer;
	#connections = new Set<Connection>();
	readonly presence = new PresenceTracker({
		connections: () => this.#connections,
		rooms: () => this.rooms.loaded(),
		relay: () => this.relay,
		publishDoc: (name, compose) => this.publishDoc(name, compose)
	});
	#ping: NodeJS.Timeout;
	#stopping = false;

	constructor(private readonly options: SyncOptions = defaultSyncOptions, relay?: Relay) {
		this.updateLog = new UpdateLog(updateStore(dbHandle()), options.groupCommitMs);
		const redisUrl = config().redisUrl;
		this.relay = relay ?? (redisUrl ? new RedisRelay(redisUrl) : new LocalRelay());
		if (this.relay.shared) this.presence.startSharedRefresh();
		this.relay.onResync(() => {
			for (const room of this.rooms.loaded()) room.catchUp().catch((error: unknown) => log.error('catching up after a relay outage failed', { doc: room.name, error }));
		});
		this.rooms = new RoomRegistry({
			updateLog: this.updateLog,
			relay: this.relay,
			compactAfter: options.compactAfterUpdates,
			onLoad: (room) => this.#onLoad(room),
			onCommitted: onDocumentCommitted,
			tuning: options
		});
		// Connections are tracked in #connections; ws's own set would cost a listener per socket.
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
		this.#ping = setInterval(() => this.#checkLiveness(), options.pingIntervalMs);
		this.#ping.unref();
		registerLiveHub(this);
	}

	/** Handles an HTTP upgrade on the sync path: refuses with 400/401/403 or accepts. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		socket.on('error', onUpgradeSocketError);
		if (this.#stopping) return refuse(socket, 503);
		authorise(req).then(
			(decision) => {
				if (!decision.ok) {
					log.debug('sync upgrade refused', { status: decision.status, reason: decision.reason });
					return refuse(socket, decision.status);
				}
				this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, decision.doc, decision.readOnly, decision.principal));
			},
			(error: unknown) => {
				log.error('sync upgrade failed', { error });
				refuse(socket, 500);
			}
		);
	}

	/** Number of open connections. */
	get connectionCount(): number {
		return this.#connections.size;
	}

	/** Closes every connection with "server restarting", then flushes and unloads every room. */
	async shutdown(): Promise<void> {
		this.#stopping = true;
		clearInterval(this.#ping);
		this.presence.stop();
		for (const conn of this.#connections) conn.close(CloseCode.ServerShutdown);
		for (const room of this.rooms.loaded()) {
			for (const peer of [...room.peers.keys()]) this.rooms.release(room, peer);
		}
		await this.rooms.settled();
		await this.updateLog.flush();
		await this.relay.close();
		this.#wss.close();
	}

	/** Changes a document as the server: loads it if needed, applies, waits until it is durable. */
	changeDoc(name: string, change: DocChange): Promise<void> {
		return this.publishDoc(name, () => change);
	}

	/**
	 * Writes server-owned content: `compose` reads what to write (from the database) and returns
	 * the change. It runs under the document's write lock, shared by every instance, after the room
	 * caught up with every committed update; so server writes to a document happen one after
	 * another, each one seeing the last, and the newest reading of the database wins.
	 */
	async publishDoc(name: string, compose: () => DocChange | Promise<DocChange>): Promise<void> {
		const hold: Peer = { readOnly: false, send: () => {}, close: () => {} };
		const room = await this.rooms.acquire(name, hold);
		try {
			await this.#writeLocked(room, compose);
		} finally {
			this.rooms.release(room, hold);
		}
	}

	async #writeLocked(room: Room, compose: () => DocChange | Promise<DocChange>): Promise<void> {
		await this.relay.lockDoc(room.name, async () => {
			if (this.relay.shared) await room.catchUp();
			const change = await compose();
			room.doc.transact(() => change(room.doc), SERVER_ORIGIN);
			await room.flushed();
		});
	}

	/** Reads a document as the server, loading it if needed. */
	async readDoc<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
		const hold: Peer = { readOnly: true, send: () => {}, close: () => {} };
		const room = await this.rooms.acquire(name, hold);
		try {
			return read(room.doc);
		} finally {
			this.rooms.release(room, hold);
		}
	}

	/** Closes every connection of a removed participant; their client does not retry (4401). */
	disconnectParticipant(participantId: string): void {
		for (const conn of this.#connections) {
			if (conn.principal.kind === 'participant' && conn.principal.participantId === participantId) {
				conn.close(CloseCode.Unauthorised);
			}
		}
	}

	#accept(ws: import('ws').WebSocket, doc: string, readOnly: boolean, principal: Principal): void {
		const conn = new Connection(ws, readOnly, doc, this.options, principal);
		this.#connections.add(conn);
		if (principal.kind === 'participant') this.presence.schedule(principal.workshopId);
		let room: Room | null = null;
		ws.on('close', () => {
			this.#connections.delete(conn);
			if (room) this.rooms.release(room, conn);
			if (principal.kind === 'participant') this.presence.schedule(principal.workshopId);
		});
		this.rooms.acquire(doc, conn).then(
			(r) => {
				if (ws.readyState !== ws.OPEN) return this.rooms.release(r, conn);
				room = r;
				conn.attach(r);
			},
			(error: unknown) => {
				log.error('document load failed', { doc, error });
				conn.close(CloseCode.Unavailable);
			}
		);
	}

	/** Server-owned content is brought up to date on load; participants' typing feeds presence. */
	async #onLoad(room: Room): Promise<void> {
		const doc = parseDocName(room.name);
		if (doc?.kind === 'control') {
			// A control document is the server's: on load, it is brought in line with the database.
			await this.#writeLocked(room, async () => {
				const { state, agenda } = await controlSnapshot(getDb(), doc.workshopId);
				return (d) => writeControl(d, state, agenda);
			});
		}
		watchCaseContributions(room);
		if (doc?.kind === 'mine') room.awareness.on('change', () => this.presence.schedule(doc.workshopId));
	}

	#checkLiveness(): void {
		for (const conn of this.#connections) {
			if (!conn.alive) {
				log.debug('sync connection timed out', { doc: conn.doc });
				conn.ws.terminate();
				continue;
			}
			conn.alive = false;
			conn.ws.ping();
		}
	}
}

/**
 * Stays on the socket for the connection's life. Declared here, not inline in handleUpgrade: a
 * closure there would share that call's scope, which holds the upgrade request, and so keep every
 * connection's IncomingMessage (headers and all) alive.
 */
function onUpgradeSocketError(error: Error): void {
	log.debug('upgrade socket error', { error: error.message });
}

function refuse(socket: Duplex, status: number): void {
	socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const KEY = Symbol.for('rightsboard.sync');
type Holder = { [KEY]?: SyncServer };

/** The process-wide sync server, created on first use (the database must be open: see startSyncServer). */
export function syncServer(): SyncServer {
	const g = globalThis as Holder;
	return (g[KEY] ??= new SyncServer());
}

/** Opens the database if needed, then returns the process-wide sync server. */
export async function startSyncServer(): Promise<SyncServer> {
	await initDb();
	return syncServer();
}
