/**
 * A merged batch must give every peer exactly what the separate per-update frames gave it: the same
 * document afterwards, for readers, for each author (who is not sent its own updates back), and for
 * authors beyond the bound (who get their own updates as duplicates).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeBatch, type Committed } from '../../server/sync/update-batch';

const SERVER = Symbol('server');

interface Scene {
	server: Y.Doc;
	peers: { name: string; doc: Y.Doc }[];
	/** What the server's document emitted while the peers' edits arrived, in order. */
	committed: Committed[];
	/** Each peer's document as it was before the batch (what it had been sent so far). */
	before: Map<string, Uint8Array>;
}

/** Peers that start in sync, then each make `edits` changes of their own that reach the server. */
function scene(authors: number, edits: number, seed: number): Scene {
	let r = seed;
	const random = () => ((r = (r * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const server = new Y.Doc();
	server.getText('t').insert(0, 'shared text to edit');
	server.getMap('m').set('k', 0);
	const peers = Array.from({ length: authors + 1 }, (_, i) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
		return { name: i < authors ? `author${i}` : 'reader', doc };
	});
	const before = new Map(peers.map((p) => [p.name, Y.encodeStateAsUpdate(p.doc)]));
	const committed: Committed[] = [];
	server.on('update', (update: Uint8Array, origin: unknown) => committed.push({ update, origin }));
	for (let e = 0; e < edits; e++) {
		for (const p of peers.slice(0, authors)) {
			const text = p.doc.getText('t');
			const sv = Y.encodeStateVector(server);
			if (random() < 0.3 && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 1);
			else if (random() < 0.5) p.doc.getMap('m').set(`${p.name}-${e}`, e);
			else text.insert(Math.floor(random() * text.length), `${p.name}:${e} `);
			Y.applyUpdate(server, Y.encodeStateAsUpdate(p.doc, sv), p);
		}
		if (e % 3 === 0) server.getMap('m').set('server', e); // the server's own change excludes nobody
	}
	// Peers' edits carry the peer entry as origin, like connections in a room; the server's own a symbol.
	for (const c of committed) if (c.origin === null) c.origin = SERVER;
	return { server, peers, committed, before };
}

function docFrom(state: Uint8Array, updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	for (const u of updates) Y.applyUpdate(doc, u);
	return doc;
}

function same(a: Y.Doc, b: Y.Doc): void {
	expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
	expect(a.getText('t').toString()).toBe(b.getText('t').toString());
	expect(a.getMap('m').toJSON()).toEqual(b.getMap('m').toJSON());
	expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(a.store), Y.createDeleteSetFromStructStore(b.store))).toBe(true);
}

/** A peer's document after the separate frames: every update but its own, in commit order. */
function afterFrames(s: Scene, peer: Scene['peers'][number]): Y.Doc {
	const updates = s.committed.filter((c) => c.origin !== peer).map((c) => c.update);
	return docFrom(Y.encodeStateAsUpdate(peer.doc), updates);
}

describe('mergeBatch', () => {
	it('gives readers, authors and the server the same document as separate frames did', () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const s = scene(3, 6, seed);
			const batch = mergeBatch(s.committed, 8);
			for (const peer of s.peers) {
				const viaFrames = afterFrames(s, peer);
				const mine = batch.forAuthor.has(peer) ? batch.forAuthor.get(peer) : batch.all;
				const viaBatch = docFrom(Y.encodeStateAsUpdate(peer.doc), mine ? [mine] : []);
				same(viaBatch, viaFrames);
				same(viaBatch, s.server);
				// …and an author is not sent its own content back.
				if (mine && peer.name !== 'reader') {
					const clients = Y.decodeUpdate(mine).structs.filter((x) => !(x instanceof Y.Skip)).map((x) => x.id.client);
					expect(clients).not.toContain(peer.doc.clientID);
				}
			}
			// From the state before the batch, the full merge is exactly the batch.
			const reader = s.peers.find((p) => p.name === 'reader')!;
			same(docFrom(s.before.get('reader')!, [batch.all]), s.server);
			expect(batch.forAuthor.has(reader)).toBe(false);
		}
	});

	it('sends an author nothing when the batch held only its own updates', () => {
		const s = scene(1, 3, 7);
		const author = s.peers[0]!;
		const onlyOwn = s.committed.filter((c) => c.origin === author);
		const batch = mergeBatch(onlyOwn, 8);
		expect(batch.forAuthor.get(author)).toBeNull();
		same(docFrom(s.before.get('reader')!, [batch.all]), docFrom(s.before.get('reader')!, onlyOwn.map((c) => c.update)));
	});

	it('beyond the bound, authors get the full merge and still end up with the same document', () => {
		const s = scene(5, 4, 11);
		const batch = mergeBatch(s.committed, 2);
		expect(batch.forAuthor.size).toBe(0);
		for (const peer of s.peers) same(docFrom(Y.encodeStateAsUpdate(peer.doc), [batch.all]), afterFrames(s, peer));
	});

	it('passes a single update through untouched', () => {
		const s = scene(1, 1, 3);
		const one = s.committed.slice(0, 1);
		expect(mergeBatch(one, 8).all).toBe(one[0]!.update);
	});
});
