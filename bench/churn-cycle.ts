/**
 * One connect/disconnect cycle of the churn bench, on a bare socket (passive-wire.ts): upgrade, sync,
 * optionally publish an awareness state under a fresh client id (as a page load does), then leave,
 * with or without the close handshake.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WireMember } from './passive-wire';

export interface CycleKind {
	url: string;
	headers: Record<string, string>;
	/** Publish an awareness state before leaving. */
	awareness: boolean;
	/** Close with the WebSocket handshake; otherwise drop the socket. */
	clean: boolean;
}

const TIMEOUT_MS = 30_000;

function awarenessMessage(): Uint8Array {
	const doc = new Y.Doc();
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { name: 'Churning visitor', colour: '#3366cc' } });
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 1); // messageAwareness
	encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
	awareness.destroy();
	doc.destroy();
	return encoding.toUint8Array(e);
}

/** Runs one cycle; false when the member did not sync in time. */
export async function churnCycle(kind: CycleKind): Promise<boolean> {
	const member = new WireMember({ url: kind.url, headers: kind.headers });
	let timer: NodeJS.Timeout | undefined;
	const synced = await Promise.race([member.whenSynced(), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), TIMEOUT_MS)))]);
	clearTimeout(timer);
	if (!synced) {
		member.close();
		return false;
	}
	if (kind.awareness) member.send(awarenessMessage());
	if (kind.clean) await member.closeCleanly();
	else member.close();
	return true;
}
