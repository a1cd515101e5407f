/**
 * The sync protocol as both ends see it: y-websocket message types, named close codes,
 * the sync path and the rules for document names. Imported by the browser and the server.
 */

/** URL path prefix of the sync endpoint: a document is served at `${SYNC_PATH}/<documentName>`. */
export const SYNC_PATH = '/sync';

/** y-websocket top-level message types (the first varUint of every frame). */
export const MessageType = {
	Sync: 0,
	Awareness: 1,
	Auth: 2,
	QueryAwareness: 3
} as const;

/** y-protocols sync sub-message types. */
export const SyncMessageType = {
	Step1: 0,
	Step2: 1,
	Update: 2
} as const;

/**
 * Close codes the server uses, each with a short reason sent in the close frame.
 * 4000–4999 is the application range of RFC 6455. The stock y-websocket client treats 4400–4499
 * as final (it stops reconnecting) and reconnects after anything else, so final refusals live in
 * 44xx and passing troubles in 45xx.
 */
export const CloseCode = {
	/** Server is shutting down or restarting; clients should reconnect. */
	ServerShutdown: { code: 1012, reason: 'server restarting' },
	/** The frame could not be decoded as a y-websocket message. */
	MalformedMessage: { code: 4400, reason: 'malformed message' },
	/** The session or participant ended while connected. */
	Unauthorised: { code: 4401, reason: 'not signed in' },
	/** A read-only connection tried to change the document. */
	ReadOnly: { code: 4403, reason: 'read-only connection' },
	/** No pong within the liveness window. */
	Timeout: { code: 4508, reason: 'connection timed out' },
	/** A frame exceeded the maximum message size (the standard "message too big"). */
	MessageTooLarge: { code: 1009, reason: 'message too large' },
	/** Too many messages in too short a time. */
	RateLimited: { code: 4529, reason: 'too many messages' },
	/** The client does not read fast enough; its send buffer overflowed. */
	SlowReader: { code: 4530, reason: 'client too slow' },
	/** The document could not be loaded or stored. */
	Unavailable: { code: 4503, reason: 'document unavailable' }
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/**
 * Kinds of synced document, one per workshop: `board` (staff co-edit it; the server adds the
 * participants' notes as they may be seen), `control` (written only by the server). And one per
 * participant: `mine` (that participant's own notes, which only they write). And one per case
 * study: `case` (its sections, co-edited by staff and participants). And `actions` (the workshop's
 * drafted action points, co-edited by staff and, during an action-points activity, participants).
 */
export const DOC_KINDS = ['board', 'control', 'actions'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

const DOC_NAME = /^(board|control|actions)\.([a-z2-7]{24})$/;
const MINE_NAME = /^mine\.([a-z2-7]{24})\.([a-z2-7]{24})$/;
const CASE_NAME = /^case\.([a-z2-7]{24})\.([a-z2-7]{24})$/;

export type DocName =
	| { kind: DocKind; workshopId: string }
	| { kind: 'mine'; workshopId: string; participantId: string }
	| { kind: 'case'; workshopId: string; caseStudyId: string };

/** Parses a document name such as `board.<workshopId>`; null when it is not a valid name. */
export function parseDocName(name: string): DocName | null {
	const m = DOC_NAME.exec(name);
	if (m) return { kind: m[1] as DocKind, workshopId: m[2]! };
	const mine = MINE_NAME.exec(name);
	if (mine) return { kind: 'mine', workshopId: mine[1]!, participantId: mine[2]! };
	const cs = CASE_NAME.exec(name);
	if (cs) return { kind: 'case', workshopId: cs[1]!, caseStudyId: cs[2]! };
	return null;
}

/** Builds the document name for a workshop's document of the given kind. */
export function docName(kind: DocKind, workshopId: string): string {
	return `${kind}.${workshopId}`;
}

/** The document holding one participant's own notes. */
export function mineDocName(workshopId: string, participantId: string): string {
	return `mine.${workshopId}.${participantId}`;
}

/** The document holding one case study's sections. */
export function caseDocName(workshopId: string, caseStudyId: string): string {
	return `case.${workshopId}.${caseStudyId}`;
}
