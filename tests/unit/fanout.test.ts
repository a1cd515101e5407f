/**
 * A room's fan-out, on a real Room with a real update log (SQLite in a temporary folder) whose
 * commits the test decides. The peers are in-process receivers, as the server's own "hold" peers
 * are: they record the frames they get.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { UpdateLog } from '../../src/lib/server/update-log';
import { updateStore } from '../../src/lib/server/open-update-store';
import { Room, SERVER_ORIGIN, type Peer } from '../../server/sync/room';
import { defaultSyncOptions, type FanoutOptions } from '../../server/sync/options';
import { tempDb, type TempDb } from './temp-db';

let dbs: TempDb[] = [];
afterEach(async () => {
	for (const d of dbs) await d.dispose();
	dbs = [];
});

type Received = { kind: 'update'; update: Uint8Array } | { kind: 'awareness'; update: Uint8Array } | { kind: 'other' };

function decode(frame: Uint8Array): Received {
	const d = decoding.createDecoder(frame);
	const type = decoding.readVarUint(d);
	if (type === 1) return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
	if (type === 0 && decoding.readVarUint(d) === 2) return { kind: 'update', update: decoding.readVarUint8Array(d) };
	return { kind: 'other' };
}

class Recorder implements Peer {
	readonly readOnly = false;
	readonly frames: Received[] = [];
	send(frame: Uint8Array): void {
		this.frames.push(decode(frame));
	}
	close(): void {}
	updates = () => this.frames.filter((f) => f.kind === 'update');
	awareness = () => this.frames.filter((f) => f.kind === 'awareness');
}

/** The real update log, committing only when the test says so (the room's pacer and timer are held). */
class GatedLog extends UpdateLog {
	#open = false;
	override flush(): Promise<void> {
		return this.#open ? super.flush() : Promise.resolve();
	}
	commit(): Promise<void> {
		this.#open = true;
		const committed = this.flush();
		this.#open = false;
		return committed;
	}
}

const noOutbox = { update() {}, awareness() {} };

async function room(options: Partial<FanoutOptions> = {}) {
	const db = tempDb();
	dbs.push(db);
	const log = new GatedLog(updateStore(db), 50);
	const r = await Room.load(`board.${'a'.repeat(24)}`, log, { compactAfter: 1000, outbox: noOutbox, onCommitted: () => {}, tuning: { ...defaultSyncOptions, ...options } });
	const [a, b, c] = [new Recorder(), new Recorder(), new Recorder()];
	for (const p of [a, b, c]) r.join(p);
	for (const p of [a, b, c]) p.frames.length = 0; // the welcome
	return { room: r, log, a, b, c };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const until = async (check: () => boolean) => {
	while (!check()) await new Promise((r) => setTimeout(r, 5));
};

/** An update from a client document of its own, as a peer would send it. */
function edit(key: string, value: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('m').set(key, value);
	return Y.encodeStateAsUpdate(doc);
}

describe('room fan-out', () => {
	it('sends nothing before the commit, then one merged frame; authors are not sent their own updates', async () => {
		const { room: r, log, a, b, c } = await room();
		r.applyFromPeer(a, edit('a1', 'x'));
		r.applyFromPeer(a, edit('a2', 'y'));
		r.applyFromPeer(b, edit('b1', 'z'));
		await turn();
		expect([a, b, c].map((p) => p.frames.length)).toEqual([0, 0, 0]); // not committed yet
		await log.commit();
		await r.flushed();
		await until(() => c.frames.length > 0);
		await turn();
		expect(c.updates()).toHaveLength(1);
		const seen = (p: Recorder) => {
			const doc = new Y.Doc();
			for (const f of p.updates()) if (f.kind === 'update') Y.applyUpdate(doc, f.update);
			return doc.getMap('m').toJSON();
		};
		expect(seen(c)).toEqual({ a1: 'x', a2: 'y', b1: 'z' });
		expect(seen(a)).toEqual({ b1: 'z' });
		expect(seen(b)).toEqual({ a1: 'x', a2: 'y' });
		await r.close();
	});

	it("sends the server's own changes to everyone", async () => {
		const { room: r, log, a, b } = await room();
		r.doc.transact(() => r.doc.getMap('m').set('s', 1), SERVER_ORIGIN);
		await log.commit();
		await until(() => a.updates().length === 1 && b.updates().length === 1);
		await r.close();
	});

	it('merges what is committed while a fan-out has to wait into the next frame', async () => {
		// With no share of the CPU allowed, every fan-out is followed by the longest wait.
		const { room: r, log, a, c } = await room({ fanoutMaxShare: 0, fanoutMaxDelayMs: 2000 });
		r.applyFromPeer(a, edit('first', '1'));
		await log.commit();
		await until(() => c.updates().length === 1);
		for (const k of ['second', 'third', 'fourth']) {
			r.applyFromPeer(a, edit(k, k));
			await log.commit(); // three separate commits
		}
		await until(() => c.updates().length === 2);
		const doc = new Y.Doc();
		for (const f of c.updates()) if (f.kind === 'update') Y.applyUpdate(doc, f.update);
		expect(Object.keys(doc.getMap('m').toJSON()).sort()).toEqual(['first', 'fourth', 'second', 'third']);
		await r.close();
	});

	it('sends awareness changes with the next fan-out, and holds renewals back', async () => {
		const { room: r, a, b } = await room({ awarenessRenewalDelayMs: 60_000 });
		const client = new awarenessProtocol.Awareness(new Y.Doc());
		client.setLocalState({ user: 'staff' });
		r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
		await until(() => b.awareness().length === 1);
		// A renewal: the same state with the next clock.
		client.setLocalState({ user: 'staff' });
		r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
		await turn();
		await turn();
		expect(b.awareness()).toHaveLength(1);
		// A real change goes out, and carries the newest clock, which covers the held renewal.
		client.setLocalState({ user: 'staff', cursor: 3 });
		r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
		await until(() => b.awareness().length === 2);
		const viewer = new awarenessProtocol.Awareness(new Y.Doc());
		for (const f of b.awareness()) if (f.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(viewer, f.update, null);
		expect(viewer.getStates().get(client.clientID)).toEqual({ user: 'staff', cursor: 3 });
		await r.close();
		client.destroy();
		viewer.destroy();
	});

	it('lets a renewal ride along with the next fan-out of an update, in the same delivery', async () => {
		const { room: r, log, a, b, c } = await room({ awarenessRenewalDelayMs: 60_000 });
		const client = new awarenessProtocol.Awareness(new Y.Doc());
		client.setLocalState({ user: 'staff' });
		r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
		await until(() => c.awareness().length === 1);
		client.setLocalState({ user: 'staff' }); // a renewal: held, nothing asks for a fan-out
		r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]));
		await turn();
		expect(c.awareness()).toHaveLength(1);
		r.applyFromPeer(b, edit('k', 'v'));
		await log.commit();
		await until(() => c.updates().length === 1);
		expect(c.frames.map((f) => f.kind)).toEqual(['awareness', 'update', 'awareness']);
		await r.close();
		client.destroy();
	});

	it('forwards renewals together once their delay is over', async () => {
		const { room: r, a, b } = await room({ awarenessRenewalDelayMs: 0 });
		const clients = [1, 2, 3].map(() => new awarenessProtocol.Awareness(new Y.Doc()));
		for (const c of clients) c.setLocalState({ here: true });
		for (const c of clients) r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(c, [c.clientID]));
		await until(() => b.awareness().length >= 1);
		const before = b.awareness().length;
		for (const c of clients) c.setLocalState({ here: true });
		for (const c of clients) r.applyAwareness(a, awarenessProtocol.encodeAwarenessUpdate(c, [c.clientID]));
		await until(() => b.awareness().length === before + 1);
		const last = b.awareness().at(-1)!;
		const viewer = new awarenessProtocol.Awareness(new Y.Doc());
		if (last.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(viewer, last.update, null);
		expect([...viewer.getStates().keys()].filter((id) => id !== viewer.clientID).sort()).toEqual(clients.map((c) => c.clientID).sort());
		await r.close();
		for (const c of [...clients, viewer]) c.destroy();
	});
});
