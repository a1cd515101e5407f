/**
 * Stock y-websocket clients send back every awareness update they apply, other clients' included
 * (the provider's 'update' handler does not look at the origin), so each change or renewal a room
 * fans out returns from every peer: N copies per update, N² for a round of renewals. y-protocols
 * parses each state's JSON before it finds the clock stale, and case and action-point documents
 * rewrite each state (case documents with a database lookup) before that. This reads only client
 * ids and clocks, so an update that would change nothing is dropped first.
 */
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';

const decoder = new TextDecoder();

/** True for the JSON text `null` (a removal), allowing surrounding whitespace. */
function isNull(json: Uint8Array): boolean {
	return json.length >= 4 && json.length <= 16 && decoder.decode(json).trim() === 'null';
}

/**
 * False when applying `update` to `awareness` would change nothing: every entry's clock is older
 * than the one known, or equal without being the removal of a present state (y-protocols' own
 * rule). True when anything would change, and when the update cannot be read (the normal path then
 * refuses it as malformed).
 */
export function advancesAwareness(awareness: Awareness, update: Uint8Array): boolean {
	try {
		const d = decoding.createDecoder(update);
		const count = decoding.readVarUint(d);
		for (let i = 0; i < count; i++) {
			const id = decoding.readVarUint(d);
			const clock = decoding.readVarUint(d);
			const state = decoding.readVarUint8Array(d); // the JSON text, not parsed
			const known = awareness.meta.get(id)?.clock ?? 0;
			if (clock > known) return true;
			if (clock === known && isNull(state) && awareness.states.has(id)) return true;
		}
		return false;
	} catch {
		return true;
	}
}
