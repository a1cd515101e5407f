/**
 * Dropping awareness updates that would change nothing (chiefly stock clients sending back what the
 * room sent them), decided from client ids and clocks alone, against real y-protocols instances:
 * the filter must agree with what applying the update would do.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { advancesAwareness } from '../../server/sync/awareness-echo';

function room() {
	const a = new awarenessProtocol.Awareness(new Y.Doc());
	a.setLocalState(null);
	return a;
}

const updateOf = (a: awarenessProtocol.Awareness) => awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]);

/** Whether applying `update` to `target` emits 'update' (changes anything at all). */
function applies(target: awarenessProtocol.Awareness, update: Uint8Array): boolean {
	let changed = false;
	const on = () => (changed = true);
	target.on('update', on);
	awarenessProtocol.applyAwarenessUpdate(target, update, 'peer');
	target.off('update', on);
	return changed;
}

describe('advancesAwareness', () => {
	it('agrees with y-protocols: new state, echo, renewal, older clock, removal, removal echo', () => {
		const r = room();
		const client = new awarenessProtocol.Awareness(new Y.Doc());
		client.setLocalState({ name: 'staff' });
		const steps: [string, Uint8Array][] = [];
		steps.push(['new state', updateOf(client)]);
		steps.push(['echo', updateOf(client)]);
		const older = updateOf(client);
		client.setLocalState({ name: 'staff' });
		steps.push(['renewal', updateOf(client)]);
		steps.push(['older clock', older]);
		client.setLocalState(null);
		steps.push(['removal', updateOf(client)]);
		steps.push(['removal echo', updateOf(client)]);
		const verdicts = steps.map(([name, u]) => {
			const predicted = advancesAwareness(r, u);
			expect(predicted, name).toBe(applies(r, u));
			return [name, predicted];
		});
		expect(verdicts).toEqual([
			['new state', true],
			['echo', false],
			['renewal', true],
			['older clock', false],
			['removal', true],
			['removal echo', false]
		]);
		r.destroy();
		client.destroy();
	});

	it('lets an update through when any one of its states would change', () => {
		const r = room();
		const [x, y] = [new awarenessProtocol.Awareness(new Y.Doc()), new awarenessProtocol.Awareness(new Y.Doc())];
		x.setLocalState({ n: 1 });
		awarenessProtocol.applyAwarenessUpdate(r, updateOf(x), 'peer');
		y.setLocalState({ n: 2 });
		awarenessProtocol.applyAwarenessUpdate(x, updateOf(y), 'peer');
		const both = awarenessProtocol.encodeAwarenessUpdate(x, [x.clientID, y.clientID]);
		expect(advancesAwareness(r, both)).toBe(true);
		awarenessProtocol.applyAwarenessUpdate(r, both, 'peer');
		expect(advancesAwareness(r, both)).toBe(false);
		for (const a of [r, x, y]) a.destroy();
	});

	it('lets malformed updates through, for the normal path to refuse', () => {
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 3); // three entries announced, none present
		expect(advancesAwareness(room(), encoding.toUint8Array(e))).toBe(true);
		expect(advancesAwareness(room(), Uint8Array.of(0xff))).toBe(true);
	});
});
