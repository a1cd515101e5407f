/**
 * Awareness on the action-points document, rewritten by the server. Whatever a client sends, each
 * state it publishes keeps only whether it is editing (`{ editing: true | false }`): no name, role
 * group or colour from anyone, staff included. So the editor can say "3 people editing" and a
 * client can never put a name into the room, whatever the activity's anonymity.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

function cleanState(state: unknown): { editing: boolean } | null {
	if (state === null || typeof state !== 'object') return null;
	return { editing: (state as Record<string, unknown>).editing === true };
}

/** Re-encodes an awareness update keeping only the `editing` flag of each state; throws when malformed. */
export function rewriteActionsAwareness(update: Uint8Array): Uint8Array {
	const decoder = decoding.createDecoder(update);
	const encoder = encoding.createEncoder();
	const count = decoding.readVarUint(decoder);
	encoding.writeVarUint(encoder, count);
	for (let i = 0; i < count; i++) {
		encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
		encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
		const state: unknown = JSON.parse(decoding.readVarString(decoder));
		encoding.writeVarString(encoder, JSON.stringify(cleanState(state)));
	}
	return encoding.toUint8Array(encoder);
}
