/**
 * The one Yjs document schema: root names, typed accessors, schema version and initialisation.
 * Nothing else in the code base calls `doc.getMap('…')` with a literal name.
 */
import * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

/** Root type names. Changing one is a schema migration. */
export const Root = {
	meta: 'meta',
	notes: 'notes',
	/** Board only, written by the server: participants' notes as they may be seen. */
	contributions: 'contributions',
	/** A participant's own document, written by the server: note id → the text it accepted. */
	accepted: 'accepted'
} as const;

export const NOTE_MAX_LENGTH = 500;

export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

/** A sticky note as read from the board document. */
export interface Note {
	id: string;
	text: string;
	colour: NoteColour;
	createdAt: number;
	/** In a participant's own document: the activity the note was written for. */
	activityId?: string;
}

type NoteMap = Y.Map<string | number>;

/** The document's meta map (holds the schema version). */
export function metaOf(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(Root.meta);
}

/** The board's notes, keyed by note id. */
export function notesOf(doc: Y.Doc): Y.Map<NoteMap> {
	return doc.getMap<NoteMap>(Root.notes);
}

/** Schema version recorded in the document, or 0 when the document is new. */
export function schemaVersionOf(doc: Y.Doc): number {
	const v = metaOf(doc).get('schemaVersion');
	return typeof v === 'number' ? v : 0;
}

/** Records the schema version on a new document (server side, once). */
export function initialiseDoc(doc: Y.Doc): void {
	if (schemaVersionOf(doc) === 0) metaOf(doc).set('schemaVersion', SCHEMA_VERSION);
}

function isColour(v: unknown): v is NoteColour {
	return typeof v === 'string' && (NOTE_COLOURS as readonly string[]).includes(v);
}

/** Reads one note defensively: a malformed entry yields null instead of throwing. */
export function readNote(id: string, map: unknown): Note | null {
	if (!(map instanceof Y.Map)) return null;
	const text = map.get('text');
	const createdAt = map.get('createdAt');
	if (typeof text !== 'string' || typeof createdAt !== 'number') return null;
	const colour = map.get('colour');
	const activityId = map.get('activityId');
	return { id, text, colour: isColour(colour) ? colour : 'yellow', createdAt, ...(typeof activityId === 'string' ? { activityId } : {}) };
}

/** All well-formed notes, oldest first. */
export function listNotes(doc: Y.Doc): Note[] {
	const out: Note[] = [];
	notesOf(doc).forEach((map, id) => {
		const note = readNote(id, map);
		if (note) out.push(note);
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Adds a note (text trimmed and cut to NOTE_MAX_LENGTH) and returns its id. */
export function addNote(doc: Y.Doc, id: string, text: string, colour: NoteColour = 'yellow', now = Date.now()): string {
	const map: NoteMap = new Y.Map();
	map.set('text', text.trim().slice(0, NOTE_MAX_LENGTH));
	map.set('colour', colour);
	map.set('createdAt', now);
	notesOf(doc).set(id, map);
	return id;
}

/** Adds a participant's note for an activity (in their own document) and returns its id. */
export function addActivityNote(doc: Y.Doc, id: string, text: string, activityId: string, now = Date.now()): string {
	doc.transact(() => {
		addNote(doc, id, text, 'yellow', now);
		notesOf(doc).get(id)?.set('activityId', activityId);
	});
	return id;
}

/** Replaces a note's text; no-op when the note is gone. */
export function updateNoteText(doc: Y.Doc, id: string, text: string): void {
	notesOf(doc).get(id)?.set('text', text.trim().slice(0, NOTE_MAX_LENGTH));
}

/** Removes a note. */
export function removeNote(doc: Y.Doc, id: string): void {
	notesOf(doc).delete(id);
}

/**
 * A participant's note as shown on the board. `text` is absent while the activity's notes are
 * hidden; `author` is present only in named activities, `roleGroup` unless the activity is anonymous.
 */
export interface Contribution {
	activityId: string;
	createdAt: number;
	hidden: boolean;
	text?: string;
	roleGroup?: string;
	author?: string;
	/** Facilitator's grouping label. */
	group?: string;
	/** How many other notes were merged into this one. */
	merged?: number;
}

/** The board's contributions map, keyed by public id. */
export function contributionsOf(doc: Y.Doc): Y.Map<Contribution> {
	return doc.getMap<Contribution>(Root.contributions);
}

/** Reads one contribution defensively. */
export function readContribution(value: unknown): Contribution | null {
	if (!value || typeof value !== 'object') return null;
	const c = value as Partial<Contribution>;
	if (typeof c.activityId !== 'string' || typeof c.createdAt !== 'number' || typeof c.hidden !== 'boolean') return null;
	return {
		activityId: c.activityId,
		createdAt: c.createdAt,
		hidden: c.hidden,
		...(typeof c.text === 'string' ? { text: c.text } : {}),
		...(typeof c.roleGroup === 'string' ? { roleGroup: c.roleGroup } : {}),
		...(typeof c.author === 'string' ? { author: c.author } : {}),
		...(typeof c.group === 'string' ? { group: c.group } : {}),
		...(typeof c.merged === 'number' ? { merged: c.merged } : {})
	};
}

/** Contributions of one activity (all when `activityId` is null), oldest first, with their ids. */
export function listContributions(doc: Y.Doc, activityId: string | null): (Contribution & { id: string })[] {
	const out: (Contribution & { id: string })[] = [];
	contributionsOf(doc).forEach((value, id) => {
		const c = readContribution(value);
		if (c && (activityId === null || c.activityId === activityId)) out.push({ ...c, id });
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The server's acknowledgements in a participant's own document. */
export function acceptedOf(doc: Y.Doc): Y.Map<string> {
	return doc.getMap<string>(Root.accepted);
}

/** True while the server has not yet taken in this version of the note ("not yet sent"). */
export function isPending(doc: Y.Doc, note: Note): boolean {
	return acceptedOf(doc).get(note.id) !== note.text;
}
