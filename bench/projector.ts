/**
 * The projector, in a process of its own (forked by the bench): one read-only board connection,
 * as the projector page opens it (`?readonly=1` with a staff session). Being separate, its arrival
 * times are not queued behind the hundreds of simulated phones in the bench's main process.
 * Talks to the parent over IPC: `start` → `ready`, `collect` → `arrivals`; exits when told or
 * when the parent goes away.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { socketWithHeaders, syncUrl } from '../tests/helpers/yclient';
import { contributionsOf, readContribution } from '../src/lib/shared/doc-schema';
import { now, readProbe, type Probe } from './probe';

export type ToProjector = { type: 'start'; url: string; doc: string; cookie: string } | { type: 'collect' } | { type: 'stop' };
export type FromProjector = { type: 'ready' } | { type: 'arrivals'; arrivals: [Probe, number][] } | { type: 'error'; message: string };

const send = (message: FromProjector) => process.send?.(message);
const arrivals: [Probe, number][] = [];
let provider: WebsocketProvider | null = null;

function start(url: string, doc: string, cookie: string): void {
	const ydoc = new Y.Doc();
	provider = new WebsocketProvider(syncUrl(url), doc, ydoc, {
		disableBc: true,
		params: { readonly: '1' },
		WebSocketPolyfill: socketWithHeaders({ cookie, origin: new URL(url).origin }) as unknown as typeof globalThis.WebSocket,
		maxBackoffTime: 500
	});
	const map = contributionsOf(ydoc);
	map.observe((event) => {
		const at = now();
		for (const key of event.keysChanged) {
			const probe = readProbe(readContribution(map.get(key))?.text);
			if (probe) arrivals.push([probe, at]);
		}
	});
	const onSync = (synced: boolean) => {
		if (!synced) return;
		provider?.off('sync', onSync);
		send({ type: 'ready' });
	};
	provider.on('sync', onSync);
}

function stop(): void {
	provider?.destroy();
	process.exit(0);
}

process.on('message', (message: ToProjector) => {
	try {
		if (message.type === 'start') start(message.url, message.doc, message.cookie);
		else if (message.type === 'collect') send({ type: 'arrivals', arrivals: arrivals.splice(0) });
		else stop();
	} catch (error) {
		send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
});
// An orphaned projector must not outlive the bench.
process.on('disconnect', stop);
