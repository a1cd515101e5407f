/**
 * A Svelte action binding an `<input>` or `<textarea>` to a `Y.Text`, so two people can type in the
 * same field at once. Each input event applies the one change it made (not the whole value); a
 * change from someone else updates the value and keeps the local caret and selection where they
 * were in the text, without moving focus. Remote changes render at once, even while an input
 * method composes, so the field and the Y.Text never disagree (a diff against a stale value would
 * undo someone else's typing).
 */
import type * as Y from 'yjs';
import type { Action } from 'svelte/action';
import { diffText, shiftIndex, type DeltaOp } from './text-diff';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Marks this binding's own transactions, so its observer ignores them. */
const ORIGIN = Symbol('ytext-field');

export const ytextField: Action<Field, Y.Text> = (node, initial) => {
	let text = initial;

	const render = (delta?: readonly DeltaOp[]) => {
		const value = text.toString();
		if (node.value === value) return;
		const focused = node.ownerDocument.activeElement === node;
		const start = node.selectionStart ?? 0;
		const end = node.selectionEnd ?? 0;
		node.value = value;
		if (focused && delta) node.setSelectionRange(shiftIndex(start, delta), shiftIndex(end, delta));
	};

	const onInput = () => {
		const change = diffText(text.toString(), node.value, node.selectionEnd ?? undefined);
		if (!change) return;
		text.doc?.transact(() => {
			if (change.remove > 0) text.delete(change.index, change.remove);
			if (change.insert) text.insert(change.index, change.insert);
		}, ORIGIN);
	};

	const observer = (event: Y.YTextEvent, tx: Y.Transaction) => {
		if (tx.origin === ORIGIN) return;
		render(event.delta as DeltaOp[]);
	};

	node.value = text.toString();
	node.addEventListener('input', onInput);
	text.observe(observer);

	return {
		update(next: Y.Text) {
			if (next === text) return;
			text.unobserve(observer);
			text = next;
			text.observe(observer);
			render();
		},
		destroy() {
			text.unobserve(observer);
			node.removeEventListener('input', onInput);
		}
	};
};
