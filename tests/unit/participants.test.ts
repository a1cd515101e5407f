import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TempDb } from './temp-db';
import { addWorkshop, joinFixture, type JoinFixture } from './join-fixture';
import { InputError } from '../../src/lib/server/input-error';
import { JoinError } from '../../src/lib/server/join-error';
import { setJoiningOpen } from '../../src/lib/server/join-credentials';
import { defaultRoleGroupLabels } from '../../src/lib/server/default-role-groups';

const DEFAULT_ROLE_GROUPS = defaultRoleGroupLabels('en');
import { registerLiveHub, type LiveHub } from '../../src/lib/server/live/hub';
import {
	authenticateParticipant,
	joinWorkshop,
	listParticipants,
	PARTICIPANT_COOKIE,
	participantFromCookieHeader,
	removeParticipant,
	type JoinInput
} from '../../src/lib/server/participants';
import { sessionIdOf } from '../../src/lib/server/auth/session';

let t: TempDb;
let f: JoinFixture;

beforeEach(async () => {
	t = tempDb();
	f = await joinFixture(t.db);
});
afterEach(async () => {
	// Unregister the fake hub so no other test sees it (the hub lives on globalThis).
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('rightsboard.live-hub')];
	await t.dispose();
});

const named: JoinInput = { displayName: '  Ana  ', roleGroup: 'Civil society', organisation: ' Housing NGO ', language: 'en' };
const anonymous: JoinInput = { displayName: null, roleGroup: 'Civil servant', organisation: null, language: 'en' };

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
	try {
		await run();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error');
}

describe('joining', () => {
	it('stores the participant with only the hash of their token', async () => {
		const { participant, token } = await joinWorkshop(t.db, f.workshopId, named);
		expect(participant).toMatchObject({ workshopId: f.workshopId, displayName: 'Ana', roleGroup: 'Civil society', organisation: 'Housing NGO' });
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const row = t.sqlite.prepare('select * from participant where id = ?').get(participant.id) as Record<string, unknown>;
		expect(row.token_hash).toBe(sessionIdOf(token));
		for (const [column, value] of Object.entries(row)) expect(String(value), column).not.toContain(token);
	});

	it('keeps an anonymous participant nameless', async () => {
		const { participant } = await joinWorkshop(t.db, f.workshopId, anonymous);
		expect(participant.displayName).toBeNull();
		const row = t.sqlite.prepare('select display_name from participant where id = ?').get(participant.id);
		expect(row).toEqual({ display_name: null });
	});

	it('refuses to join when joining is closed, and when there is no such workshop', async () => {
		await setJoiningOpen(t.db, f.facilitator, f.workshopId, false);
		const closed = await thrown(() => joinWorkshop(t.db, f.workshopId, named));
		expect(closed instanceof JoinError && closed.code).toBe('closed');
		const missing = await thrown(() => joinWorkshop(t.db, 'no-such-workshop', named));
		expect(missing instanceof JoinError && missing.code).toBe('not_found');
		expect(t.sqlite.prepare('select count(*) as n from participant').get()).toEqual({ n: 0 });
	});

	it('accepts only a role group from the workshop list', async () => {
		const error = await thrown(() => joinWorkshop(t.db, f.workshopId, { ...named, roleGroup: 'Mayor' }));
		expect(error instanceof InputError && error.issues).toEqual({ roleGroup: 'role_group_unknown' });
	});

	it('offers the default role groups when the workshop has none', async () => {
		const bare = await addWorkshop(t.db, f.organisationId, []);
		expect((await joinWorkshop(t.db, bare, { ...anonymous, roleGroup: DEFAULT_ROLE_GROUPS[0]! })).participant.roleGroup).toBe(DEFAULT_ROLE_GROUPS[0]);
		expect(await thrown(() => joinWorkshop(t.db, bare, { ...anonymous, roleGroup: 'Civil servants' }))).toBeInstanceOf(InputError);
	});

	it('asks for a name unless the participant stays anonymous, and bounds the fields', async () => {
		const error = await thrown(() =>
			joinWorkshop(t.db, f.workshopId, { displayName: '   ', roleGroup: 'Civil society', organisation: 'x'.repeat(121), language: 'not a tag' })
		);
		expect(error instanceof InputError && error.issues).toEqual({
			displayName: 'display_name_required',
			organisation: 'organisation_too_long',
			language: 'language_invalid'
		});
		const long = await thrown(() => joinWorkshop(t.db, f.workshopId, { ...named, displayName: 'x'.repeat(61) }));
		expect(long instanceof InputError && long.issues).toEqual({ displayName: 'display_name_too_long' });
	});
});

describe('authenticating a device', () => {
	it('recognises the same participant every time the same token comes back (rejoin on this device)', async () => {
		const { participant, token } = await joinWorkshop(t.db, f.workshopId, named);
		expect((await authenticateParticipant(t.db, f.workshopId, token))?.id).toBe(participant.id);
		expect((await authenticateParticipant(t.db, f.workshopId, token))?.id).toBe(participant.id);
		const header = `other=1; ${PARTICIPANT_COOKIE(f.workshopId)}=${token}; rb_session=abc`;
		expect((await participantFromCookieHeader(t.db, f.workshopId, header))?.id).toBe(participant.id);
	});

	it('does not admit a token in another workshop, a made-up token, or no cookie', async () => {
		const other = await addWorkshop(t.db, f.organisationId, ['Civil society']);
		const { token } = await joinWorkshop(t.db, f.workshopId, named);
		expect(await authenticateParticipant(t.db, other, token)).toBeNull();
		expect(await participantFromCookieHeader(t.db, other, `${PARTICIPANT_COOKIE(f.workshopId)}=${token}`)).toBeNull();
		expect(await authenticateParticipant(t.db, f.workshopId, 'a'.repeat(32))).toBeNull();
		expect(await authenticateParticipant(t.db, f.workshopId, '')).toBeNull();
		expect(await participantFromCookieHeader(t.db, f.workshopId, undefined)).toBeNull();
	});
});

describe('managing participants', () => {
	it('lists current participants for owners and facilitators only', async () => {
		// A millisecond apart, so the order does not rest on the clock ticking between the two.
		const start = Date.now();
		await joinWorkshop(t.db, f.workshopId, named, start);
		await joinWorkshop(t.db, f.workshopId, anonymous, start + 1);
		expect((await listParticipants(t.db, f.facilitator, f.workshopId)).map((p) => p.displayName)).toEqual(['Ana', null]);
		expect(await listParticipants(t.db, f.owner, f.workshopId)).toHaveLength(2);
		for (const who of [f.member, f.outsider]) {
			const error = await thrown(() => listParticipants(t.db, who, f.workshopId));
			expect(error instanceof JoinError && error.code).toBe('forbidden');
		}
	});

	it('removing a participant shuts their device out and closes their live connections', async () => {
		const disconnected: string[] = [];
		// Only the part removal uses: the hub interface grows with the live side.
		const hub: Partial<LiveHub> = { disconnectParticipant: (id) => void disconnected.push(id) };
		registerLiveHub(hub as LiveHub);
		const { participant, token } = await joinWorkshop(t.db, f.workshopId, named);
		expect(await removeParticipant(t.db, f.facilitator, f.workshopId, participant.id)).toBe(true);
		expect(await authenticateParticipant(t.db, f.workshopId, token)).toBeNull();
		expect(disconnected).toEqual([participant.id]);
		expect(await listParticipants(t.db, f.facilitator, f.workshopId)).toEqual([]);
		expect(await removeParticipant(t.db, f.facilitator, f.workshopId, participant.id)).toBe(false);
		const audited = t.sqlite.prepare("select subject, detail from audit_event where action = 'participant.remove'").all();
		expect(audited).toEqual([{ subject: participant.id, detail: f.workshopId }]);
	});

	it('refuses members and outsiders to remove anyone', async () => {
		const { participant, token } = await joinWorkshop(t.db, f.workshopId, named);
		for (const who of [f.member, f.outsider]) {
			const error = await thrown(() => removeParticipant(t.db, who, f.workshopId, participant.id));
			expect(error instanceof JoinError && error.code).toBe('forbidden');
		}
		expect((await authenticateParticipant(t.db, f.workshopId, token))?.id).toBe(participant.id);
	});
});
