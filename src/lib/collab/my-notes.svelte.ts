/**
 * A participant's own notes (their `mine` document) as reactive state, with what the server has
 * not yet taken in marked as pending. The document is also kept in the browser's IndexedDB by the
 * page, so notes written offline survive until they can be sent.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { acceptedOf, addActivityNote, isPending, listNotes, notesOf, removeNote, updateNoteText, type Note } from '../shared/doc-schema';
import { newNoteId } from './board-notes.svelte';

export interface MyNote extends Note {
	pending: boolean;
}

export class MyNotes {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const notes = notesOf(doc);
			const accepted = acceptedOf(doc);
			notes.observeDeep(update);
			accepted.observe(update);
			return () => {
				notes.unobserveDeep(update);
				accepted.unobserve(update);
			};
		});
	}

	/** Own notes for one activity, oldest first, each marked pending until the server acknowledged this version. */
	of(activityId: string): MyNote[] {
		this.#subscribe();
		return listNotes(this.#doc)
			.filter((n) => n.activityId === undefined || n.activityId === activityId)
			.map((n) => ({ ...n, pending: isPending(this.#doc, n) }));
	}

	/** Adds a note for an activity; false when it is blank. */
	add(text: string, activityId: string): boolean {
		if (text.trim() === '') return false;
		addActivityNote(this.#doc, newNoteId(), text, activityId);
		return true;
	}

	edit(id: string, text: string): boolean {
		if (text.trim() === '') return false;
		updateNoteText(this.#doc, id, text);
		return true;
	}

	remove(id: string): void {
		removeNote(this.#doc, id);
	}
}
