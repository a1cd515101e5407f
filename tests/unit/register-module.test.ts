/** The action register on a real SQLite database: idempotent recording with its audit trail, changes with history, access, lists, exports, the public view. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { tempDb, type TempDb } from './temp-db';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { actionRegisterEntry, auditEvent, membership, organisation, user, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { InputError } from '../../src/lib/server/input-error';
import { RegisterAccessError } from '../../src/lib/server/register/access';
import { manualSourceKey, recordAction, updateEntry, type RecordInput } from '../../src/lib/server/register/entries';
import { updateProgress } from '../../src/lib/server/register/progress';
import { entryDetail, filtersFromQuery, listEntries } from '../../src/lib/server/register/read';
import { REGISTER_CSV_COLUMNS, registerCsv, registerJson } from '../../src/lib/server/register/export';
import { changePublicPage, publicView } from '../../src/lib/server/register/public-page';

let db: TempDb;
let orgId: string;
let ownerId: string;
let memberId: string;
let cycleId: string;
let workshopId: string;

function addUser(name: string, role?: 'owner' | 'facilitator' | 'member'): string {
	const id = newId();
	db.db.insert(user).values({ id, email: `${id}@example.org`, displayName: name, passwordHash: 'x', createdAt: Date.now() }).run();
	if (role) db.db.insert(membership).values({ organisationId: orgId, userId: id, role, createdAt: Date.now() }).run();
	return id;
}

const input = (over: Partial<RecordInput> = {}): RecordInput => ({
	sourceKey: `${workshopId}:ap-1`,
	workshopId,
	cycleId,
	title: 'Step-free entrance to the housing office',
	description: 'A permanent ramp and an automatic door.',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName: 'Anna Kowalska',
	target: '',
	indicators: [{ name: 'Offices with step-free access', baseline: '2', target: '7' }],
	deadline: '2025-06-30',
	resources: '',
	competence: 'city',
	affectedGroups: 'Wheelchair users',
	validation: { outcome: 'validated', tallies: { civil_society: { yes: 6, no: 1 } } },
	...over
});

const audits = () => db.db.select().from(auditEvent).where(eq(auditEvent.action, 'action_register.record')).all();

beforeEach(() => {
	db = tempDb();
	orgId = newId();
	db.db.insert(organisation).values({ id: orgId, name: 'Test City', createdAt: Date.now() }).run();
	ownerId = addUser('Olga Owner', 'owner');
	memberId = addUser('Mo Member', 'member');
	cycleId = cycle(db.db, orgId, rightscitiesFramework(db.db, orgId).id);
	workshopId = newId();
	db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: 'Housing workshop', createdAt: Date.now() }).run();
});
afterEach(() => db.dispose());

describe('recording', () => {
	it('records once per source key: a repeat returns the same entry and writes no second audit event', () => {
		const first = recordAction(db.db, ownerId, orgId, input());
		const second = recordAction(db.db, ownerId, orgId, input({ title: 'Changed on a second submit' }));
		expect(first.created).toBe(true);
		expect(second.created).toBe(false);
		expect(second.entry.id).toBe(first.entry.id);
		expect(second.entry.title).toBe('Step-free entrance to the housing office');
		expect(db.db.select().from(actionRegisterEntry).all()).toHaveLength(1);
		const [audit] = audits();
		expect(audits()).toHaveLength(1);
		expect(audit).toMatchObject({ organisationId: orgId, actorUserId: ownerId, subject: first.entry.id });
		expect(JSON.parse(audit!.detail!)).toMatchObject({ sourceKey: `${workshopId}:ap-1`, workshopId });
		expect(JSON.parse(first.entry.validation)).toEqual({ outcome: 'validated', tallies: { civil_society: { yes: 6, no: 1 } } });
		expect(first.entry.recordedBy).toBe(ownerId);
	});

	it('hand-added entries get their own source key each', () => {
		const a = recordAction(db.db, ownerId, orgId, input({ sourceKey: manualSourceKey(), workshopId: null }));
		const b = recordAction(db.db, ownerId, orgId, input({ sourceKey: manualSourceKey(), workshopId: null }));
		expect(a.entry.id).not.toBe(b.entry.id);
		expect(a.entry.sourceKey).toMatch(/^manual:[a-z2-7]{32}$/);
	});

	it('refuses members, outsiders, bad fields and a cycle of another organisation, writing nothing', () => {
		expect(() => recordAction(db.db, memberId, orgId, input())).toThrow(RegisterAccessError);
		expect(() => recordAction(db.db, addUser('Otto Outsider'), orgId, input())).toThrow(expect.objectContaining({ code: 'not_found' }));
		expect(() => recordAction(db.db, ownerId, orgId, input({ title: ' ', deadline: 'tomorrow' }))).toThrow(InputError);
		const otherOrg = newId();
		db.db.insert(organisation).values({ id: otherOrg, name: 'Other City', createdAt: Date.now() }).run();
		const foreignCycle = cycle(db.db, otherOrg, rightscitiesFramework(db.db, otherOrg).id);
		expect(() => recordAction(db.db, ownerId, orgId, input({ cycleId: foreignCycle }))).toThrow(InputError);
		expect(db.db.select().from(actionRegisterEntry).all()).toHaveLength(0);
		expect(audits()).toHaveLength(0);
	});
});

describe('changes and history', () => {
	it('keeps every edit and progress update, dated, with actor and note', () => {
		const { entry } = recordAction(db.db, ownerId, orgId, input());
		updateEntry(db.db, ownerId, orgId, entry.id, { ...input(), deadline: '2025-09-30' });
		updateProgress(db.db, ownerId, orgId, entry.id, { status: 'in_progress', reason: '', progress: '40', note: 'Ramp ordered' });
		expect(() => updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: '', progress: '40', note: '' })).toThrow(InputError);
		updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: 'Heritage permit pending', progress: '40', note: '' });
		expect(() => updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: '', progress: '40', note: '' })).toThrow(expect.objectContaining({ issues: { note: 'nothing_changed' } }));
		expect(() => updateProgress(db.db, memberId, orgId, entry.id, { status: 'done', reason: '', progress: '100', note: '' })).toThrow(RegisterAccessError);

		const detail = entryDetail(db.db, orgId, entry.id, '2025-10-01')!;
		expect(detail.entry).toMatchObject({ status: 'stuck', statusReason: 'Heritage permit pending', progress: 40, deadline: '2025-09-30', overdue: true });
		expect(detail.history.map((h) => h.changes)).toEqual([
			{ recorded: [null, 'workshop'] },
			{ deadline: ['2025-06-30', '2025-09-30'] },
			{ status: ['planned', 'in_progress'], progress: [0, 40] },
			{ status: ['in_progress', 'stuck'], statusReason: ['', 'Heritage permit pending'] }
		]);
		expect(detail.history[2]).toMatchObject({ note: 'Ramp ordered', actorName: 'Olga Owner' });
		expect(detail.cycleName).toBe('Self-assessment 2024');
		expect(detail.workshopTitle).toBe('Housing workshop');
	});
});

describe('the list', () => {
	it('filters by status, horizon, department and overdue, and sorts by deadline or status', () => {
		const add = (key: string, over: Partial<RecordInput>) => recordAction(db.db, ownerId, orgId, input({ sourceKey: key, ...over })).entry.id;
		const late = add('a', { title: 'Late', deadline: '2025-01-31' });
		const later = add('b', { title: 'Later', deadline: '2026-01-31', horizon: 'strategic', department: 'Social affairs' });
		const none = add('c', { title: 'No deadline', deadline: '' });
		updateProgress(db.db, ownerId, orgId, later, { status: 'in_progress', reason: '', progress: '10', note: '' });
		const list = (query: string) => listEntries(db.db, orgId, filtersFromQuery(new URLSearchParams(query)), '2025-03-01').map((e) => e.id);
		expect(list('')).toEqual([late, later, none]);
		expect(list('overdue=1')).toEqual([late]);
		expect(list('horizon=strategic')).toEqual([later]);
		expect(list('department=Housing&sort=status')).toEqual([late, none]);
		expect(list('status=in_progress')).toEqual([later]);
		expect(list('sort=status')[2]).toBe(later);
		expect(list('status=bogus&sort=bogus')).toEqual([late, later, none]);
	});
});

describe('exports', () => {
	it('CSV: BOM, CRLF, documented columns, Polish, Swedish and German text intact, formulas neutralised', () => {
		recordAction(db.db, ownerId, orgId, input({ title: 'Zażółć gęślą jaźń – Łódź', description: 'Räksmörgås på Göteborgs kö; Straße für Jürgen Müller', department: '=HYPERLINK("x")' }));
		const csv = registerCsv(db.db, orgId, '2025-07-01');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...REGISTER_CSV_COLUMNS]);
		const [row] = parsed.data;
		expect(row).toMatchObject({
			title: 'Zażółć gęślą jaźń – Łódź',
			description: 'Räksmörgås på Göteborgs kö; Straße für Jürgen Müller',
			department: `'=HYPERLINK("x")`,
			indicators: 'Offices with step-free access: 2 -> 7',
			overdue: 'yes',
			workshop: 'Housing workshop'
		});
		const bytes = Buffer.from(csv, 'utf8');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('JSON: format, version and the entry with its updates', () => {
		const { entry } = recordAction(db.db, ownerId, orgId, input());
		const json = registerJson(db.db, { id: orgId, name: 'Test City' }, '2025-01-01');
		expect(json).toMatchObject({ format: 'rightsboard.action-register', version: 1, organisation: { id: orgId, name: 'Test City' } });
		expect(json.entries[0]).toMatchObject({ id: entry.id, indicators: [{ name: 'Offices with step-free access', baseline: '2', target: '7' }], overdue: false, cycle: { id: cycleId } });
		expect(json.entries[0]!.updates).toHaveLength(1);
	});
});

describe('the public view', () => {
	it('is off until enabled, carries no names, and a rotated link ends the old one', () => {
		recordAction(db.db, ownerId, orgId, input());
		expect(() => changePublicPage(db.db, memberId, orgId, cycleId, 'enable')).toThrow(RegisterAccessError);
		const off = changePublicPage(db.db, ownerId, orgId, cycleId, 'disable');
		expect(publicView(db.db, off.token!)).toBeNull();
		const on = changePublicPage(db.db, ownerId, orgId, cycleId, 'enable');
		expect(on.token).toBe(off.token);
		const view = publicView(db.db, on.token!)!;
		expect(view.entries).toHaveLength(1);
		expect(JSON.stringify(view)).not.toMatch(/Anna|Kowalska|Olga|Wheelchair/);
		const rotated = changePublicPage(db.db, ownerId, orgId, cycleId, 'rotate');
		expect(rotated.enabled).toBe(true);
		expect(publicView(db.db, on.token!)).toBeNull();
		expect(publicView(db.db, rotated.token!)).not.toBeNull();
		expect(db.db.select().from(auditEvent).where(and(eq(auditEvent.organisationId, orgId), eq(auditEvent.action, 'cycle_public_page.rotate'))).all()).toHaveLength(1);
	});
});

describe('the demo register', () => {
	it('records five actions once, one of them overdue, with dated updates', async () => {
		const { seedDemoRegister } = await import('../../src/lib/server/demo/register');
		const ids = seedDemoRegister(db.db, ownerId, orgId, cycleId, workshopId);
		expect(seedDemoRegister(db.db, ownerId, orgId, cycleId, workshopId)).toEqual(ids);
		const today = new Date().toISOString().slice(0, 10);
		const all = listEntries(db.db, orgId, filtersFromQuery(new URLSearchParams()), today);
		expect(all).toHaveLength(5);
		expect(all.filter((e) => e.overdue).map((e) => e.title)).toEqual(['Step-free entrance to the housing office']);
		expect(new Set(all.map((e) => e.horizon))).toEqual(new Set(['quick_win', 'strategic']));
		const history = entryDetail(db.db, orgId, all[0]!.id, today)!.history;
		expect(history.map((h) => h.createdAt)).toEqual([...history.map((h) => h.createdAt)].sort((a, b) => a - b));
		expect(history.at(-1)!.createdAt).toBeLessThan(Date.now() - 20 * 24 * 60 * 60 * 1000);
	});
});
