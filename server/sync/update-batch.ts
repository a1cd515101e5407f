/**
 * Committed updates of one room, merged for one fan-out. One frame used to carry one update and
 * went to every peer but the update's author; a batch carries all updates committed since the
 * last fan-out as one Yjs update (`Y.mergeUpdates`), and each author gets the merge of everyone
 * else's updates in the batch, so every peer receives exactly what the separate frames gave it.
 */
import * as Y from 'yjs';

export interface Committed {
	update: Uint8Array;
	/** The connection that sent it; anything else (the server itself) excludes nobody. */
	origin: unknown;
}

export interface MergedBatch {
	/** Every update of the batch, merged: what a peer that wrote none of them receives. */
	all: Uint8Array;
	/**
	 * What an author receives instead: the batch without its own updates, or null when the batch
	 * held only its own. Authors beyond `maxAuthors` are left out and receive `all` (their own
	 * updates are duplicates to them, which Yjs ignores), so a batch with many authors costs one
	 * merge per author only up to that bound.
	 */
	forAuthor: Map<unknown, Uint8Array | null>;
}

const merge = (items: Committed[]): Uint8Array => (items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((i) => i.update)));

/** Merges `items` (in commit order, at least one). */
export function mergeBatch(items: Committed[], maxAuthors: number): MergedBatch {
	const forAuthor = new Map<unknown, Uint8Array | null>();
	const authors = new Set<unknown>();
	for (const i of items) if (i.origin !== null && typeof i.origin === 'object') authors.add(i.origin);
	if (authors.size <= maxAuthors) {
		for (const author of authors) {
			const others = items.filter((i) => i.origin !== author);
			forAuthor.set(author, others.length > 0 ? merge(others) : null);
		}
	}
	return { all: merge(items), forAuthor };
}
