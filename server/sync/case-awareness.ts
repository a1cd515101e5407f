/**
 * Awareness on case documents, rewritten by the server. Whatever a client sends, each state it
 * publishes keeps only its cursor (sanitised) and gets a `user` the server chose: the display
 * name for staff; for participants what the activity's anonymity allows (named: name or role
 * group; role_group: role group; anonymous: no name at all), and a colour. So no client can put a
 * name into the room that the server did not put there.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { eq } from 'drizzle-orm';
import { getDb } from '../../src/lib/server/db';
import { participant, user } from '../../src/lib/server/db/schema';
import { activityOfCase } from '../../src/lib/server/case-studies';
import { parseDocName } from '../../src/lib/shared/protocol';
import { sectionOfRoot } from '../../src/lib/shared/case-study-template';
import type { Principal } from './upgrade';

/** Dark enough for white label text (contrast ≥ 4.5:1). */
const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#a16207', '#be185d', '#0e7490', '#4d7c0f'];

export interface CaseAwarenessUser {
	/** Shown beside the cursor; empty in anonymous activities (the client shows "Someone"). */
	name: string;
	color: string;
}

interface Sender {
	readonly doc: string;
	readonly principal: Principal;
}

function colourFor(id: string): string {
	let hash = 0;
	for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
	return COLOURS[hash % COLOURS.length]!;
}

/** The label the server allows for this connection on this case document. */
export async function awarenessUserFor(doc: string, principal: Principal): Promise<CaseAwarenessUser> {
	const db = getDb();
	if (principal.kind === 'user') {
		const [row] = await db.select({ name: user.displayName }).from(user).where(eq(user.id, principal.userId)).limit(1);
		return { name: row?.name ?? '', color: colourFor(principal.userId) };
	}
	const color = colourFor(principal.participantId);
	const name = parseDocName(doc);
	const shown = name?.kind === 'case' ? await activityOfCase(db, name.workshopId, name.caseStudyId) : null;
	const [row] = await db
		.select({ displayName: participant.displayName, roleGroup: participant.roleGroup })
		.from(participant)
		.where(eq(participant.id, principal.participantId))
		.limit(1);
	if (!row || !shown || shown.anonymity === 'anonymous') return { name: '', color };
	if (shown.anonymity === 'named') return { name: row.displayName ?? row.roleGroup, color };
	return { name: row.roleGroup, color };
}

type Id = { client: number; clock: number };

function cleanId(value: unknown): Id | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { client, clock } = value as Record<string, unknown>;
	return Number.isSafeInteger(client) && Number.isSafeInteger(clock) && (client as number) >= 0 && (clock as number) >= 0
		? { client: client as number, clock: clock as number }
		: undefined;
}

/** A relative position as y-prosemirror publishes it, keeping only well-formed fields. */
function cleanPosition(value: unknown): Record<string, unknown> | null {
	if (!value || typeof value !== 'object') return null;
	const raw = value as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	const type = cleanId(raw.type);
	const item = cleanId(raw.item);
	if (type) out.type = type;
	if (item) out.item = item;
	if (typeof raw.tname === 'string' && sectionOfRoot(raw.tname)) out.tname = raw.tname;
	if (Number.isSafeInteger(raw.assoc)) out.assoc = raw.assoc;
	return out;
}

function cleanState(state: unknown, who: CaseAwarenessUser): Record<string, unknown> | null {
	if (state === null || typeof state !== 'object') return null;
	const out: Record<string, unknown> = { user: who };
	const cursor = (state as Record<string, unknown>).cursor;
	if (cursor && typeof cursor === 'object') {
		const anchor = cleanPosition((cursor as Record<string, unknown>).anchor);
		const head = cleanPosition((cursor as Record<string, unknown>).head);
		if (anchor && head) out.cursor = { anchor, head };
	}
	return out;
}

/** Re-encodes an awareness update from `sender` with server-chosen users; rejects when malformed. */
export async function rewriteCaseAwareness(sender: Sender, update: Uint8Array): Promise<Uint8Array> {
	// Looked up for every update (a few indexed reads), so a change of the activity's anonymity
	// applies at once to cursors already in the room.
	const who = await awarenessUserFor(sender.doc, sender.principal);
	const decoder = decoding.createDecoder(update);
	const encoder = encoding.createEncoder();
	const count = decoding.readVarUint(decoder);
	encoding.writeVarUint(encoder, count);
	for (let i = 0; i < count; i++) {
		encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
		encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
		const state: unknown = JSON.parse(decoding.readVarString(decoder));
		encoding.writeVarString(encoder, JSON.stringify(cleanState(state, who)));
	}
	return encoding.toUint8Array(encoder);
}
