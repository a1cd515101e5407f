/**
 * Who may open what, as a table: every page and sync document of a live workshop, for every kind
 * of visitor, checked cell by cell against the real server. A cell is an HTTP status (with the
 * path a redirect leads to), or for sync documents 'read' / 'write' / the refused upgrade status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { createClient, syncUrl, upgradeStatus, waitFor } from '../helpers/yclient';
import { docName, mineDocName } from '../../src/lib/shared/protocol';
import { addNote, listContributions } from '../../src/lib/shared/doc-schema';
import { participant } from '../../src/lib/server/db/schema';
import { ensureJoinCredentials } from '../../src/lib/server/join-credentials';

const ROLES = ['anonymous', 'participant', 'otherWorkshopParticipant', 'otherOrgFacilitator', 'removedParticipant', 'member', 'facilitator'] as const;
type Role = (typeof ROLES)[number];
/** One row of the table, cells in the order of ROLES. */
const row = <T = string>(...cells: NoInfer<T>[]): Record<Role, T> => Object.fromEntries(ROLES.map((r, i) => [r, cells[i]])) as Record<Role, T>;

// "303 /signin" = redirect there; "200" = the page; "404" = the same answer as for no such workshop.
// prettier-ignore
const PAGES: Record<string, Record<Role, string>> = {
	//                                  anonymous      participant    other wshop    other org      removed        member         facilitator
	'GET /':                     row('303 /signin', '303 /signin', '303 /signin', '200',         '303 /signin', '200',         '200'),
	'GET /orgs/:org':            row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '200',         '200'),
	'GET /workshops/:id':        row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '200',         '200'),
	'GET /workshops/:id/console':row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '404',         '200'),
	'POST /workshops/:id/console':row('303 /signin','303 /signin', '303 /signin', '404',         '303 /signin', '404',         '200'),
	'GET /workshops/:id/prepare':row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '404',         '200'),
	'GET /workshops/:id/people': row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '404',         '200'),
	'POST /workshops/:id/people?/remove':row('303 /signin','303 /signin','303 /signin','404',   '303 /signin', '404',         '200'),
	'GET /workshops/:id/projector':row('303 /signin','303 /signin', '303 /signin', '404',        '303 /signin', '200',         '200'),
	'GET /workshops/:id/report': row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '200',         '200'),
	'GET /workshops/:id/report.docx':row('303 /signin','303 /signin','303 /signin', '404',       '303 /signin', '200',         '200'),
	'GET /workshops/:id/actions':row('303 /signin', '303 /signin', '303 /signin', '404',         '303 /signin', '404',         '200'),
	'GET /w/:id':                row('303 /join',   '200',         '303 /join',   '303 /join',   '303 /join',   '303 /join',   '303 /join'),
	'GET /j/:token':             row('200',         '303 /w/:id',  '200',         '200',         '200',         '200',         '200')
};

// Participants' own documents are theirs alone: staff reading them could tie anonymous notes to a
// person (the People page lists participant ids with names), which the join notice rules out.
// prettier-ignore
type Access = 'read' | 'write' | 401 | 403;
const DOCS: Record<string, Record<Role, Access>> = {
	//                        anonymous participant other wshop other org removed member  facilitator
	'board.:id':         row<Access>(401,      'read',     401,        403,      401,    'read', 'write'),
	'control.:id':       row<Access>(401,      'read',     401,        403,      401,    'read', 'read'),
	// Participants write the drafted action points only during an action-points activity (none runs here).
	'actions.:id':       row<Access>(401,      'read',     401,        403,      401,    'read', 'write'),
	'mine.:id.:self':    row<Access>(401,      'write',    401,        403,      401,    403,    403),
	'mine.:id.:other':   row<Access>(401,      403,        401,        403,      401,    403,    403)
};

let server: RunningServer;
let fx: Fixtures;
let workshopId: string;
let orgId: string;
let activityId: string;
let joinToken: string;
let spareId: string;
const cookies = {} as Record<Role, string | undefined>;
const selfIds = {} as Record<Role, string>;
let participantA: { id: string; cookie: string };
let participantB: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer();
	fx = new Fixtures(server.database);
	const [facilitator, member, outsider]: TestUser[] = [await fx.user('Fay'), await fx.user('Mo'), await fx.user('Otto')] as const;
	orgId = await fx.organisation([[facilitator, 'facilitator'], [member, 'member']], 'Test City');
	workshopId = await fx.workshop(orgId, 'Housing');
	const otherWorkshop = await fx.workshop(orgId, 'Another workshop');
	await fx.organisation([[outsider, 'facilitator']], 'Other City');
	activityId = await fx.activity(workshopId, 'Barriers', 'brainstorm', 0, 'role_group');
	joinToken = (await ensureJoinCredentials(fx.db, workshopId)).joinToken;
	participantA = await fx.participant(workshopId, 'Ana Secretname', 'Resident');
	participantB = await fx.participant(workshopId, 'Bo Hiddenname', 'Civil servant');
	const other = await fx.participant(otherWorkshop, 'Olga Elsewhere', 'Resident');
	const removed = await fx.participant(workshopId, 'Rita Removed', 'Resident');
	await fx.db.update(participant).set({ removedAt: Date.now() }).where(eq(participant.id, removed.id));
	spareId = (await fx.participant(workshopId, 'Sam Spare', 'Resident')).id;
	Object.assign(cookies, {
		anonymous: undefined,
		participant: participantA.cookie,
		otherWorkshopParticipant: other.cookie,
		otherOrgFacilitator: outsider.cookie,
		removedParticipant: removed.cookie,
		member: member.cookie,
		facilitator: facilitator.cookie
	});
	Object.assign(selfIds, { ...row(...ROLES.map(() => participantA.id)), otherWorkshopParticipant: other.id, removedParticipant: removed.id });
});

afterAll(async () => {
	await fx?.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

const fill = (path: string) => path.replace(':org', orgId).replace(':id', workshopId).replace(':token', joinToken);

/** Requests a page as `role` and describes the answer as the table does. */
async function outcome(role: Role, target: string): Promise<string> {
	const [method, path] = target.split(' ') as [string, string];
	const form: Record<string, string> = path.endsWith('console') ? { command: 'timer-clear' } : { participantId: spareId, confirm: 'yes' };
	const res = await fetch(`${server.url}${fill(path)}`, {
		method,
		redirect: 'manual',
		headers: {
			origin: server.origin,
			...(cookies[role] ? { cookie: cookies[role] } : {}),
			...(method === 'POST' ? { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' } : {})
		},
		body: method === 'POST' ? new URLSearchParams(form).toString() : undefined
	});
	const text = await res.text();
	let status = res.status;
	let location = res.headers.get('location');
	if (method === 'POST' && text.startsWith('{')) {
		const json = JSON.parse(text) as { type: string; status?: number; location?: string };
		// A form action answers 200 with its outcome in the body; "failure" would mean a refused command.
		status = json.type === 'success' ? 200 : (json.status ?? res.status);
		location = json.location ?? location;
	}
	if (status >= 300 && status < 400) return `${status} ${new URL(location ?? '', server.url).pathname.replace(workshopId, ':id')}`;
	return String(status);
}

/** Opens a document as `role` and finds out how far it gets: refused, read-only or writable. */
async function docOutcome(role: Role, name: string): Promise<'read' | 'write' | number> {
	const headers: Record<string, string> = { origin: server.origin, ...(cookies[role] ? { cookie: cookies[role]! } : {}) };
	const status = await upgradeStatus(`${syncUrl(server.url)}/${name}`, headers);
	if (status !== 101) return status;
	const client = createClient(server.url, name, { cookie: cookies[role] });
	try {
		await client.synced();
		let closedWith = 0;
		client.provider.on('connection-close', (e: CloseEvent | null) => (closedWith ||= e?.code ?? -1));
		// A change any writer may make: a note in the board or in one's own document, a key elsewhere.
		if (name.startsWith('control.')) client.doc.getMap('state').set('probe', Date.now());
		else addNote(client.doc, `probe-${Date.now()}`, 'probe');
		await new Promise((r) => setTimeout(r, 400));
		if (closedWith === 4403) return 'read';
		if (closedWith !== 0) return closedWith;
		return 'write';
	} finally {
		client.destroy();
	}
}

describe('authorisation matrix: pages', () => {
	for (const [target, expected] of Object.entries(PAGES)) {
		it(`${target}`, async () => {
			const actual: Record<string, string> = {};
			// The facilitator goes last, so a refused removal by anyone else is seen before the real one.
			for (const role of ROLES) actual[role] = await outcome(role, target);
			expect(actual).toEqual(expected);
		});
	}

	it('a removal refused to everyone but the facilitator left the participant in, until the facilitator removed them', async () => {
		const [row] = await fx.db.select({ removedAt: participant.removedAt }).from(participant).where(eq(participant.id, spareId)).limit(1);
		expect(row?.removedAt).not.toBeNull();
	});
});

describe('authorisation matrix: sync documents', () => {
	for (const [target, expected] of Object.entries(DOCS)) {
		it(`${target}`, async () => {
			const actual: Record<string, unknown> = {};
			for (const role of ROLES) {
				const name =
					target === 'board.:id' ? docName('board', workshopId)
					: target === 'control.:id' ? docName('control', workshopId)
					: target === 'actions.:id' ? docName('actions', workshopId)
					: mineDocName(workshopId, target === 'mine.:id.:self' ? selfIds[role] : participantB.id);
				actual[role] = await docOutcome(role, name);
			}
			expect(actual).toEqual(expected);
		});
	}
});

describe("no participant can fetch another participant's name", () => {
	it('appears in no page a participant can open, nor in the board of an activity that is not named', async () => {
		const started = await outcomeOfCommand('next');
		expect(started).toBe('success');
		const mine = createClient(server.url, mineDocName(workshopId, participantA.id), { cookie: participantA.cookie });
		const board = createClient(server.url, docName('board', workshopId), { cookie: participantB.cookie });
		await Promise.all([mine.synced(), board.synced()]);
		addNote(mine.doc, 'by-ana', 'A note by Ana');
		await waitFor(() => listContributions(board.doc, activityId).some((c) => c.text === 'A note by Ana'), 5000, 'note on the board');
		const boardBytes = new TextDecoder().decode(Y.encodeStateAsUpdate(board.doc));
		expect(boardBytes).not.toContain('Secretname');
		expect(listContributions(board.doc, activityId)[0]).toMatchObject({ roleGroup: 'Resident' });
		expect(listContributions(board.doc, activityId)[0]?.author).toBeUndefined();
		mine.destroy();
		board.destroy();

		for (const path of ['/', '/join', `/w/${workshopId}`, `/j/${joinToken}`, `/workshops/${workshopId}`, `/workshops/${workshopId}/projector`, `/workshops/${workshopId}/people`]) {
			for (const as of [participantB.cookie, `${participantB.cookie}; ${cookies.otherWorkshopParticipant}`]) {
				const res = await fetch(`${server.url}${path}`, { headers: { cookie: as }, redirect: 'follow' });
				const body = await res.text();
				for (const name of ['Ana Secretname', 'Secretname', 'Sam Spare', 'Olga Elsewhere']) expect(body, `${path} shows ${name}`).not.toContain(name);
			}
		}
	});
});

async function outcomeOfCommand(command: string): Promise<string> {
	const res = await fetch(`${server.url}/workshops/${workshopId}/console`, {
		method: 'POST',
		headers: { origin: server.origin, cookie: cookies.facilitator!, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ command }).toString()
	});
	return ((await res.json()) as { type: string }).type;
}
