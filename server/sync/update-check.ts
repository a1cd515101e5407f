/**
 * Decides whether an incoming update would change a document, without applying it. Read-only
 * connections legitimately send updates that change nothing (the sync step 2 of a client whose
 * copy is already up to date still carries its whole delete set); anything else is refused.
 */
import * as Y from 'yjs';

interface Range {
	clock: number;
	len: number;
}

function covered(ranges: Range[] | undefined, clock: number, len: number): boolean {
	if (!ranges) return false;
	// Ranges from the struct store are sorted and merged, so one range must cover the span.
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const r = ranges[mid]!;
		if (clock < r.clock) hi = mid - 1;
		else if (clock >= r.clock + r.len) lo = mid + 1;
		else return clock + len <= r.clock + r.len;
	}
	return false;
}

/**
 * True when applying `update` to `doc` would add content or delete something not yet deleted.
 * Throws when the update cannot be decoded.
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
	const { structs, ds } = Y.decodeUpdate(update);
	const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
	for (const s of structs) {
		if (s.constructor === Y.Skip) continue;
		if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return true;
	}
	if (ds.clients.size === 0) return false;
	const known = Y.createDeleteSetFromStructStore(doc.store);
	for (const [client, items] of ds.clients) {
		for (const item of items) {
			if (item.len === 0) continue;
			if (!covered(known.clients.get(client), item.clock, item.len)) return true;
		}
	}
	return false;
}
