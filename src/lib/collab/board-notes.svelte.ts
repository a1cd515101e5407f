/**
 * The board's sticky notes as reactive state. Yjs changes reach Svelte through createSubscriber,
 * so the document is observed only while something on the page reads the notes.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { addNote, listNotes, notesOf, readNote, removeNote, type Note } from '../shared/doc-schema';

/** What happened to the notes, for a polite screen-reader announcement. */
export type NoteAnnouncement =
	| { kind: 'added-by-me' }
	| { kind: 'added'; text: string }
	| { kind: 'removed' };

/** A random note id; getRandomValues works on plain-http LAN addresses where randomUUID does not. */
export function newNoteId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first words of a note, for labels that must stay short. */
export function excerpt(text: string, max = 40): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export class BoardNotes {
	readonly #doc: Y.Doc;
	readonly #isLoaded: () => boolean;
	readonly #subscribe: () => void;
	#announcement = $state<{ seq: number; what: NoteAnnouncement } | null>(null);
	#seq = 0;

	/**
	 * @param doc the board document
	 * @param isLoaded whether the first server sync is done; notes arriving before are not announced
	 */
	constructor(doc: Y.Doc, isLoaded: () => boolean) {
		this.#doc = doc;
		this.#isLoaded = isLoaded;
		this.#subscribe = createSubscriber((update) => {
			const notes = notesOf(doc);
			const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], tx: Y.Transaction) => {
				if (!tx.local && this.#isLoaded()) this.#announceRemote(events);
				update();
			};
			notes.observeDeep(onChange);
			return () => notes.unobserveDeep(onChange);
		});
	}

	/** All well-formed notes, oldest first. */
	get list(): Note[] {
		this.#subscribe();
		return listNotes(this.#doc);
	}

	/** The latest change worth announcing; `seq` changes each time so repeats are announced too. */
	get announcement(): { seq: number; what: NoteAnnouncement } | null {
		this.#subscribe();
		return this.#announcement;
	}

	/** Adds a note; returns false (and changes nothing) when the text is blank. */
	add(text: string): boolean {
		if (text.trim() === '') return false;
		addNote(this.#doc, newNoteId(), text);
		this.#announce({ kind: 'added-by-me' });
		return true;
	}

	/** Removes a note (for everyone on the board). */
	remove(id: string): void {
		removeNote(this.#doc, id);
		this.#announce({ kind: 'removed' });
	}

	#announceRemote(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
		const root = notesOf(this.#doc);
		for (const event of events) {
			if (event.target !== root) continue;
			for (const [id, change] of event.changes.keys) {
				if (change.action === 'add') {
					const note = readNote(id, root.get(id));
					if (note) this.#announce({ kind: 'added', text: note.text });
				} else if (change.action === 'delete') {
					this.#announce({ kind: 'removed' });
				}
			}
		}
	}

	#announce(what: NoteAnnouncement): void {
		this.#announcement = { seq: ++this.#seq, what };
	}
}
