import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { wouldChange } from '../../server/sync/update-check';
import { addNote, removeNote } from '../../src/lib/shared/doc-schema';

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

describe('wouldChange (read-only guard)', () => {
	it('is false for the sync reply of an up-to-date copy, deletions included', () => {
		const server = new Y.Doc();
		addNote(server, 'a', 'one');
		addNote(server, 'b', 'two');
		removeNote(server, 'a');
		const client = copyOf(server);
		const reply = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
		expect(wouldChange(server, reply)).toBe(false);
		expect(wouldChange(server, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
	});

	it('is true for new content', () => {
		const server = new Y.Doc();
		const client = copyOf(server);
		addNote(client, 'x', 'new');
		expect(wouldChange(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);
	});

	it('is true for a deletion the server has not seen', () => {
		const server = new Y.Doc();
		addNote(server, 'a', 'keep me');
		const client = copyOf(server);
		removeNote(client, 'a');
		expect(wouldChange(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);
	});

	it('throws on bytes that are not an update', () => {
		expect(() => wouldChange(new Y.Doc(), new Uint8Array([255, 255, 255, 255, 255]))).toThrow();
	});
});
