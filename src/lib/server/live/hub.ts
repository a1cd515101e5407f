/**
 * The narrow interface through which SvelteKit routes reach the live side (the sync server in
 * server/sync): change a server-owned document, close someone's connections. The sync server
 * registers itself here on start; routes never import server/sync directly (no `ws` in the app
 * bundle, no import cycle).
 */
import type * as Y from 'yjs';

/** A change the server makes to a document, applied in one Yjs transaction. */
export type DocChange = (doc: Y.Doc) => void;

export interface LiveHub {
	/** Applies `change` to the named document as the server (persisted, then broadcast). */
	changeDoc(docName: string, change: DocChange): Promise<void>;
	/**
	 * Writes server-owned content derived from the database: `compose` reads the database and
	 * returns the change. It runs under the document's write lock (shared by all instances), so of
	 * two concurrent publications the later reading of the database is the one that stays.
	 */
	publishDoc(docName: string, compose: () => Promise<DocChange>): Promise<void>;
	/** Reads a document (loading it if needed) without changing it. */
	readDoc<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T>;
	/** Closes every sync connection of a participant (removed from the workshop). */
	disconnectParticipant(participantId: string): void;
}

const KEY = Symbol.for('rightsboard.live-hub');
type Holder = { [KEY]?: LiveHub };

/** Called once by the sync server when it starts. */
export function registerLiveHub(hub: LiveHub): void {
	(globalThis as Holder)[KEY] = hub;
}

/** The live hub, or null when no sync server runs in this process (unit tests, CLI). */
export function liveHub(): LiveHub | null {
	return (globalThis as Holder)[KEY] ?? null;
}
