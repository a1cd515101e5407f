/**
 * y-protocols keeps a `meta` entry ({ clock, lastUpdated }) for every client id an awareness has
 * ever seen, also after its state was removed, so that an older update cannot bring it back. A
 * room that stays loaded through a workshop sees a new client id on every page load and reconnect,
 * and an update that only removes an unknown client adds an entry without any event, so the map
 * only grows. Once a removal is older than the awareness timeout (30 s), every peer has long applied
 * it and its connection is gone; the entry is dropped. A client that comes back later is accepted
 * as new, which is what the timeout would do to it anyway.
 */
import { outdatedTimeout, type Awareness } from 'y-protocols/awareness';

/** Drops the meta of clients without a state whose last update is older than `olderThanMs`. */
export function forgetDepartedClients(awareness: Awareness, now: number, olderThanMs = outdatedTimeout): number {
	let forgotten = 0;
	for (const [id, meta] of awareness.meta) {
		if (id === awareness.clientID || awareness.states.has(id) || now - meta.lastUpdated < olderThanMs) continue;
		awareness.meta.delete(id);
		forgotten++;
	}
	return forgotten;
}

/** Runs the sweep every `outdatedTimeout` for as long as the room is loaded. */
export function sweepDepartedClients(awareness: Awareness): () => void {
	const timer = setInterval(() => forgetDepartedClients(awareness, Date.now()), outdatedTimeout);
	timer.unref();
	return () => clearInterval(timer);
}
