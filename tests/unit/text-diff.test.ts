import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, shiftIndex, type DeltaOp } from '../../src/lib/collab/text-diff';

/** Applies what an input event changed to a Y.Text, as the field binding does. */
function applyInput(text: Y.Text, after: string, caret?: number) {
	const change = diffText(text.toString(), after, caret);
	if (!change) return;
	text.doc!.transact(() => {
		if (change.remove) text.delete(change.index, change.remove);
		if (change.insert) text.insert(change.index, change.insert);
	});
}

describe('diffText', () => {
	it('finds a typed character, a deletion and a replaced selection', () => {
		expect(diffText('Ramp', 'Ramps')).toEqual({ index: 4, remove: 0, insert: 's' });
		expect(diffText('Ramps', 'Rams')).toEqual({ index: 3, remove: 1, insert: '' });
		expect(diffText('Build a ramp', 'Build two ramp', 9)).toEqual({ index: 6, remove: 1, insert: 'two' });
		expect(diffText('same', 'same')).toBeNull();
	});

	it('uses the caret to place an ambiguous insertion where the person typed', () => {
		// "aa" → "aaa": without the caret the change looks like an append.
		expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
		expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
		expect(diffText('abab', 'ababab', 4)).toEqual({ index: 2, remove: 0, insert: 'ab' });
	});

	it('never splits a surrogate pair', () => {
		const change = diffText('a😀b', 'a😃b')!;
		expect(change.index).toBe(1);
		expect(change.insert).toBe('😃');
		expect(change.remove).toBe(2);
	});

	it('turns any before/after pair into a change that reproduces after', () => {
		const words = ['', 'a', 'aa', 'ramp', 'ramps', 'a ramp', 'två', '😀', 'a😀', 'x\ny'];
		for (const before of words)
			for (const after of words)
				for (const caret of [undefined, 0, 1, after.length]) {
					const doc = new Y.Doc();
					const text = doc.getText('t');
					text.insert(0, before);
					applyInput(text, after, caret);
					expect(text.toString()).toBe(after);
				}
	});
});

describe('shiftIndex', () => {
	const cases: [string, number, DeltaOp[], number][] = [
		['insert before the caret moves it right', 5, [{ retain: 2 }, { insert: 'abc' }], 8],
		['insert after the caret leaves it', 2, [{ retain: 4 }, { insert: 'abc' }], 2],
		['insert exactly at the caret leaves it before the new text', 3, [{ retain: 3 }, { insert: 'x' }], 3],
		['delete before the caret pulls it left', 6, [{ retain: 1 }, { delete: 2 }], 4],
		['delete around the caret puts it at the start of the deletion', 4, [{ retain: 2 }, { delete: 5 }], 2],
		['delete after the caret leaves it', 1, [{ retain: 3 }, { delete: 2 }], 1],
		['several changes add up', 6, [{ insert: 'ab' }, { retain: 2 }, { delete: 1 }, { retain: 5 }, { insert: 'z' }], 7]
	];
	for (const [what, index, delta, expected] of cases) it(what, () => expect(shiftIndex(index, delta)).toBe(expected));

	it('keeps a caret on the same character when a remote Y.Text change lands', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('t').insert(0, 'Ramps for the library');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// B's caret sits before "library" (index 14); A types at the start and deletes "for ".
		const caret = 14;
		let shifted = caret;
		b.getText('t').observe((event) => (shifted = shiftIndex(caret, event.delta as DeltaOp[])));
		a.transact(() => {
			a.getText('t').insert(0, 'New ');
			a.getText('t').delete(10, 4);
		});
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
		const after = b.getText('t').toString();
		expect(after).toBe('New Ramps the library');
		expect(after.slice(shifted)).toBe('library');
	});
});
