/** Encoding of the y-websocket frames the server sends; each is built once and sent to many. */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../src/lib/shared/protocol';

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.Sync);
	encoding.writeVarUint(e, type);
	encoding.writeVarUint8Array(e, payload);
	return encoding.toUint8Array(e);
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function step1Frame(doc: Y.Doc): Uint8Array {
	return syncFrame(SyncMessageType.Step1, Y.encodeStateVector(doc));
}

/** Sync step 2: everything the client (with state vector `sv`) lacks. */
export function step2Frame(doc: Y.Doc, sv: Uint8Array): Uint8Array {
	return syncFrame(SyncMessageType.Step2, Y.encodeStateAsUpdate(doc, sv));
}

/** One incremental update. */
export function updateFrame(update: Uint8Array): Uint8Array {
	return syncFrame(SyncMessageType.Update, update);
}

/** Awareness states of `clients`. */
export function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.Awareness);
	encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(e);
}
