import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface SyncServer {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	shutdown(): Promise<void>;
}

export function syncServer(): SyncServer {
	return {
		handleUpgrade: (_r, socket) => socket.destroy(),
		shutdown: async () => {}
	};
}
