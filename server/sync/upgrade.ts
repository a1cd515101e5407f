/**
 * Authorises a sync upgrade before the socket is accepted: document name, Origin, the
 * session cookie and the caller's access to the document. Returns the access or an HTTP refusal.
 */
import type { IncomingMessage } from 'node:http';
import { config } from '../../src/lib/server/config';
import { getDb } from '../../src/lib/server/db';
import { SESSION_COOKIE, readCookie, validateSessionToken } from '../../src/lib/server/auth/session';
import { docAccessForParticipant, docAccessForUser } from '../../src/lib/server/access';
import { refineCaseAccess } from '../../src/lib/server/case-access';
import { refineActionsAccess } from '../../src/lib/server/action-points/access';
import { participantFromCookieHeader } from '../../src/lib/server/participants';
import { SYNC_PATH, parseDocName } from '../../src/lib/shared/protocol';

/** Who is on the other end of a connection. */
export type Principal = { kind: 'user'; userId: string } | { kind: 'participant'; participantId: string; workshopId: string };

export type UpgradeDecision =
	| { ok: true; doc: string; readOnly: boolean; principal: Principal }
	| { ok: false; status: 400 | 401 | 403; reason: string };

/** True when the Origin header is the configured origin, or the request's own host when none is set. */
export function originAllowed(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	const expected = config().origin;
	if (expected) return origin === expected;
	const host = req.headers.host;
	if (!host) return false;
	try {
		return new URL(origin).host === host;
	} catch {
		return false; // not a URL: refuse
	}
}

/** Decides whether an upgrade request may open a sync connection, and whether read-only. */
export async function authorise(req: IncomingMessage): Promise<UpgradeDecision> {
	const [path = '', query = ''] = (req.url ?? '').split('?');
	// A client may ask for less than it could have (a projector never writes); never for more.
	const wantsReadOnly = new URLSearchParams(query).get('readonly') === '1';
	const name = path.slice(SYNC_PATH.length + 1);
	const doc = path.startsWith(`${SYNC_PATH}/`) ? parseDocName(name) : null;
	if (!doc) return { ok: false, status: 400, reason: 'invalid document name' };
	if (!originAllowed(req)) return { ok: false, status: 403, reason: 'origin not allowed' };
	const db = getDb();
	// A staff session wins over a participant cookie on the same browser.
	const token = readCookie(req.headers.cookie, SESSION_COOKIE);
	const session = token ? await validateSessionToken(db, token) : null;
	if (session) {
		const access = await refineCaseAccess(db, doc, await docAccessForUser(db, session.user.id, doc), 'user');
		if (!access) return { ok: false, status: 403, reason: 'no access to this document' };
		return { ok: true, doc: name, readOnly: wantsReadOnly || access === 'read', principal: { kind: 'user', userId: session.user.id } };
	}
	const participant = await participantFromCookieHeader(db, doc.workshopId, req.headers.cookie);
	if (!participant) return { ok: false, status: 401, reason: 'not signed in and not a participant' };
	const caseAccess = await refineCaseAccess(db, doc, docAccessForParticipant(participant.id, doc), 'participant');
	const access = await refineActionsAccess(db, doc, caseAccess, 'participant');
	if (!access) return { ok: false, status: 403, reason: 'no access to this document' };
	const principal: Principal = { kind: 'participant', participantId: participant.id, workshopId: doc.workshopId };
	return { ok: true, doc: name, readOnly: wantsReadOnly || access === 'read', principal };
}
