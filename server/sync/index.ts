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
import { dbHandle, getDb } from '../../src/lib/server/db';
import { log } from '../../src/lib/server/logger';
import { Connection } from './connection';
import { defaultSyncOptions, type SyncOptions } from './options';
import { RoomRegistry } from './rooms';
import { UpdateLog } from '../../src/lib/server/update-log';
import { authorise, type Principal } from './upgrade';
import { onDocumentCommitted } from './participant-notes';
import { watchCaseContributions } from './case-contributions';
import { PresenceTracker } from './presence';
import { registerLiveHub, type LiveHub } from '../../src/lib/server/live/hub';
import { SERVER_ORIGIN, type Peer, type Room } from './room';
import type * as Y from 'yjs';

export class SyncServer implements LiveHub {
	readonly rooms: RoomRegistry;
	readonly updateLog: UpdateLog;
	#wss: WebSocketServer;
	#connections = new Set<Connection>();
	readonly presence = new PresenceTracker({
		connections: () => this.#connections,
		rooms: () => this.rooms.all(),
		changeDoc: (name, change) => this.changeDoc(name, change)
	});
	#ping: NodeJS.Timeout;
	#stopping = false;

	constructor(private readonly options: SyncOptions = defaultSyncOptions) {
		this.updateLog = new UpdateLog(dbHandle().sqlite, options.groupCommitMs);
		this.rooms = new RoomRegistry(this.updateLog, options.compactAfterUpdates, (room) => this.#onLoad(room), onDocumentCommitted);
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
		this.#ping = setInterval(() => this.#checkLiveness(), options.pingIntervalMs);
		this.#ping.unref();
		registerLiveHub(this);
	}

	/** Handles an HTTP upgrade on the sync path: refuses with 400/401/403 or accepts. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		socket.on('error', (error) => log.debug('upgrade socket error', { error: error.message }));
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
		for (const room of this.rooms.all()) {
			for (const peer of [...room.peers.keys()]) this.rooms.release(room, peer);
		}
		await this.rooms.settled();
		this.updateLog.flush();
		this.#wss.close();
	}

	/** Changes a document as the server: loads it if needed, applies, waits until it is durable. */
	async changeDoc(name: string, change: (doc: Y.Doc) => void): Promise<void> {
		const hold: Peer = { readOnly: false, send: () => {}, close: () => {} };
		const room = await this.rooms.acquire(name, hold);
		try {
			room.doc.transact(() => change(room.doc), SERVER_ORIGIN);
			await room.flushed();
		} finally {
			this.rooms.release(room, hold);
		}
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
	#onLoad(room: Room): void {
		refreshServerOwned(room);
		watchCaseContributions(room);
		const doc = parseDocName(room.name);
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

/** A control document is the server's: on load, it is brought in line with the database. */
function refreshServerOwned(room: Room): void {
	const doc = parseDocName(room.name);
	if (doc?.kind !== 'control') return;
	const { state, agenda } = controlSnapshot(getDb(), doc.workshopId);
	room.doc.transact(() => writeControl(room.doc, state, agenda), SERVER_ORIGIN);
}

function refuse(socket: Duplex, status: number): void {
	socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const KEY = Symbol.for('rightsboard.sync');
type Holder = { [KEY]?: SyncServer };

/** The process-wide sync server, created on first use. */
export function syncServer(): SyncServer {
	const g = globalThis as Holder;
	return (g[KEY] ??= new SyncServer());
}
