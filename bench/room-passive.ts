/**
 * A passive room member for the room benchmark: a raw `ws` socket that speaks just enough of the
 * y-websocket sync protocol to be a full member of the room (it asks for the document and answers
 * the server's state request with "nothing new"), then only counts what it receives. To the server
 * it costs exactly what a real client costs (the same fan-out, the same frames); to the bench it
 * costs no Yjs decoding, so a single bench process can hold many more members before its own
 * backlog dominates the latency measured by the observing clients.
 */
import WebSocket from 'ws';

// messageSync = 0; step1 = 0 carrying an empty state vector ([0]); step2 = 1 carrying an empty update ([0, 0]).
const ASK_ALL = Uint8Array.of(0, 0, 1, 0);
const NOTHING_NEW = Uint8Array.of(0, 1, 2, 0, 0);

export class PassiveMember {
	readonly socket: WebSocket;
	synced = false;
	frames = 0;
	#onSync: (() => void)[] = [];

	constructor(url: string, headers: Record<string, string>) {
		this.socket = new WebSocket(url, { headers });
		this.socket.binaryType = 'nodebuffer';
		this.socket.on('open', () => this.socket.send(ASK_ALL));
		this.socket.on('error', () => {}); // a refused or reset socket shows up as not synced
		this.socket.on('message', (data: Buffer) => {
			this.frames++;
			if (data[0] !== 0) return;
			if (data[1] === 0) this.socket.send(NOTHING_NEW);
			else if (data[1] === 1 && !this.synced) {
				this.synced = true;
				for (const f of this.#onSync.splice(0)) f();
			}
		});
	}

	whenSynced(): Promise<void> {
		return new Promise((resolve) => (this.synced ? resolve() : this.#onSync.push(resolve)));
	}

	close(): void {
		this.socket.terminate();
	}
}
