/**
 * A long-lived room's awareness forgets clients that left: with real y-protocols awareness
 * instances, removed clients' meta is dropped once older than the timeout, present clients and
 * recent removals are kept, and a client that comes back is accepted again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { forgetDepartedClients } from '../../server/sync/awareness-forget';

function visitor(state: Record<string, unknown>) {
	const a = new awarenessProtocol.Awareness(new Y.Doc());
	a.setLocalState(state);
	return a;
}

const updateOf = (a: awarenessProtocol.Awareness) => awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]);

describe('forgetDepartedClients', () => {
	it('drops the meta of clients removed long enough ago, keeps the rest', () => {
		const room = new awarenessProtocol.Awareness(new Y.Doc());
		room.setLocalState(null);
		const gone = visitor({ name: 'gone' });
		const stays = visitor({ name: 'stays' });
		const justLeft = visitor({ name: 'just left' });
		for (const v of [gone, stays, justLeft]) awarenessProtocol.applyAwarenessUpdate(room, updateOf(v), 'peer');
		awarenessProtocol.removeAwarenessStates(room, [gone.clientID, justLeft.clientID], 'leave');
		expect(room.meta.has(gone.clientID)).toBe(true); // what y-protocols keeps by itself
		const now = Date.now();
		room.meta.get(gone.clientID)!.lastUpdated = now - awarenessProtocol.outdatedTimeout - 1;
		expect(forgetDepartedClients(room, now)).toBe(1);
		expect(room.meta.has(gone.clientID)).toBe(false);
		expect(room.meta.has(justLeft.clientID)).toBe(true);
		expect(room.meta.has(stays.clientID)).toBe(true);
		expect(room.meta.has(room.clientID)).toBe(true);
		// The forgotten client comes back (a reconnect): its state is taken as new.
		const changes: number[][] = [];
		room.on('change', ({ added }: { added: number[] }) => changes.push(added));
		gone.setLocalState({ name: 'back' });
		awarenessProtocol.applyAwarenessUpdate(room, updateOf(gone), 'peer');
		expect(room.getStates().get(gone.clientID)).toEqual({ name: 'back' });
		expect(changes).toEqual([[gone.clientID]]);
		for (const a of [room, gone, stays, justLeft]) a.destroy();
	});

	it('also forgets ids that only ever arrived as removals (which add meta without any event)', () => {
		const room = new awarenessProtocol.Awareness(new Y.Doc());
		const ghost = visitor({ name: 'ghost' });
		ghost.setLocalState(null); // encodes a removal with a clock
		awarenessProtocol.applyAwarenessUpdate(room, updateOf(ghost), 'peer');
		expect(room.meta.has(ghost.clientID)).toBe(true);
		expect(forgetDepartedClients(room, Date.now() + awarenessProtocol.outdatedTimeout)).toBe(1);
		expect(room.meta.has(ghost.clientID)).toBe(false);
		room.destroy();
		ghost.destroy();
	});
});
