/**
 * The pure logic of binding a text field to a `Y.Text`: the one change an input event made, and
 * where a caret goes when someone else's change lands. Indices are UTF-16 code units, as in both
 * DOM inputs and Y.Text; a change never splits a surrogate pair.
 */

export interface TextChange {
	/** Where the change starts. */
	index: number;
	/** How many code units were removed there. */
	remove: number;
	/** What was inserted there. */
	insert: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The smallest single change turning `before` into `after`, or null when they are equal.
 * `caret` (the caret in `after`, when known) settles ambiguous cases: typing "a" into "aa" at the
 * start inserts at 0, not at the end.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
	if (before === after) return null;
	const shorter = Math.min(before.length, after.length);
	let prefix = 0;
	// The changed text ends at the caret, so when text grew it starts at least that much before it.
	const grown = Math.max(0, after.length - before.length);
	const prefixMax = caret === undefined ? shorter : Math.min(shorter, Math.max(0, caret - grown));
	while (prefix < prefixMax && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
	let suffix = 0;
	const suffixMax = Math.min(shorter - prefix, caret === undefined ? Infinity : Math.max(0, after.length - caret));
	while (suffix < suffixMax && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
	// Keep surrogate pairs whole on both edges.
	if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
	if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
	return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** One operation of a Y.Text delta (`event.delta`), text only. */
export type DeltaOp = { retain: number } | { insert: string | object } | { delete: number };

/**
 * Where a caret at `index` ends up after a remote change described by `delta`. Text inserted
 * exactly at the caret goes after it (the caret stays where the person was typing); text deleted
 * around the caret pulls it to the start of the deletion.
 */
export function shiftIndex(index: number, delta: readonly DeltaOp[]): number {
	let pos = 0; // position in the old text
	let shifted = index;
	for (const op of delta) {
		if (pos > index) break; // later changes do not move the caret
		if ('retain' in op) pos += op.retain;
		else if ('insert' in op) {
			const len = typeof op.insert === 'string' ? op.insert.length : 1;
			if (pos < index) shifted += len;
		} else if ('delete' in op) {
			if (pos < index) shifted -= Math.min(op.delete, index - pos);
			pos += op.delete;
		}
	}
	return shifted;
}
