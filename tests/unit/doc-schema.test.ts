import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	NOTE_MAX_LENGTH,
	SCHEMA_VERSION,
	addNote,
	initialiseDoc,
	listNotes,
	notesOf,
	readNote,
	removeNote,
	schemaVersionOf,
	updateNoteText
} from '../../src/lib/shared/doc-schema';

describe('document schema version', () => {
	it('is 0 on a new document and set once by initialiseDoc', () => {
		const doc = new Y.Doc();
		expect(schemaVersionOf(doc)).toBe(0);
		initialiseDoc(doc);
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
	});

	it('is not overwritten when initialising a document that already has one', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
		initialiseDoc(doc);
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 1);
	});
});

describe('notes on the board document', () => {
	it('are listed oldest first after being added', () => {
		const doc = new Y.Doc();
		addNote(doc, 'b', 'second', 'green', 200);
		addNote(doc, 'a', 'first', 'blue', 100);
		expect(listNotes(doc)).toEqual([
			{ id: 'a', text: 'first', colour: 'blue', createdAt: 100 },
			{ id: 'b', text: 'second', colour: 'green', createdAt: 200 }
		]);
	});

	it('are trimmed and cut to the maximum length', () => {
		const doc = new Y.Doc();
		addNote(doc, 'n', `  ${'x'.repeat(NOTE_MAX_LENGTH + 50)}  `, 'yellow', 1);
		expect(listNotes(doc)[0]?.text).toHaveLength(NOTE_MAX_LENGTH);
	});

	it('can have their text updated, and updating a removed note does nothing', () => {
		const doc = new Y.Doc();
		addNote(doc, 'n', 'before', 'yellow', 1);
		updateNoteText(doc, 'n', '  after ');
		expect(listNotes(doc)[0]?.text).toBe('after');
		removeNote(doc, 'n');
		updateNoteText(doc, 'n', 'ghost');
		expect(listNotes(doc)).toEqual([]);
	});

	it('can be removed', () => {
		const doc = new Y.Doc();
		addNote(doc, 'a', 'one', 'yellow', 1);
		addNote(doc, 'b', 'two', 'yellow', 2);
		removeNote(doc, 'a');
		expect(listNotes(doc).map((n) => n.id)).toEqual(['b']);
	});

	it('ignore malformed entries instead of throwing', () => {
		const doc = new Y.Doc();
		addNote(doc, 'good', 'fine', 'pink', 1);
		const notes = notesOf(doc) as unknown as Y.Map<unknown>;
		notes.set('not-a-map', 'just a string');
		const noText = new Y.Map<unknown>();
		noText.set('createdAt', 2);
		notes.set('no-text', noText);
		const badTime = new Y.Map<unknown>();
		badTime.set('text', 'hello');
		badTime.set('createdAt', 'yesterday');
		notes.set('bad-time', badTime);
		expect(listNotes(doc).map((n) => n.id)).toEqual(['good']);
		expect(readNote('x', null)).toBeNull();
	});

	it('fall back to yellow when the colour is unknown', () => {
		const doc = new Y.Doc();
		addNote(doc, 'n', 'text', 'yellow', 1);
		notesOf(doc).get('n')?.set('colour', 'ultraviolet');
		expect(listNotes(doc)[0]?.colour).toBe('yellow');
	});

	it('converge when two replicas edit concurrently', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addNote(a, 'from-a', 'A', 'yellow', 1);
		addNote(b, 'from-b', 'B', 'green', 2);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(listNotes(a)).toEqual(listNotes(b));
		expect(listNotes(a)).toHaveLength(2);
	});
});
