/** The action register on a real SQLite database: idempotent recording with its audit trail, changes with history, access, lists, exports, the public view. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
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

async function addUser(name: string, role?: 'owner' | 'facilitator' | 'member'): Promise<string> {
	const id = newId();
	await db.db.insert(user).values({ id, email: `${id}@example.org`, displayName: name, passwordHash: 'x', createdAt: Date.now() });
	if (role) await db.db.insert(membership).values({ organisationId: orgId, userId: id, role, createdAt: Date.now() });
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

const audits = () => db.db.select().from(auditEvent).where(eq(auditEvent.action, 'action_register.record')).orderBy(asc(auditEvent.id));

beforeEach(async () => {
	db = tempDb();
	orgId = newId();
	await db.db.insert(organisation).values({ id: orgId, name: 'Test City', createdAt: Date.now() });
	ownerId = await addUser('Olga Owner', 'owner');
	memberId = await addUser('Mo Member', 'member');
	cycleId = await cycle(db.db, orgId, (await rightscitiesFramework(db.db, orgId)).id);
	workshopId = newId();
	await db.db.insert(workshop).values({ id: workshopId, organisationId: orgId, title: 'Housing workshop', createdAt: Date.now() });
});
afterEach(async () => await db.dispose());

describe('recording', () => {
	it('records once per source key: a repeat returns the same entry and writes no second audit event', async () => {
		const first = await recordAction(db.db, ownerId, orgId, input());
		const second = await recordAction(db.db, ownerId, orgId, input({ title: 'Changed on a second submit' }));
		expect(first.created).toBe(true);
		expect(second.created).toBe(false);
		expect(second.entry.id).toBe(first.entry.id);
		expect(second.entry.title).toBe('Step-free entrance to the housing office');
		expect(await db.db.select().from(actionRegisterEntry)).toHaveLength(1);
		const [audit] = await audits();
		expect(await audits()).toHaveLength(1);
		expect(audit).toMatchObject({ organisationId: orgId, actorUserId: ownerId, subject: first.entry.id });
		expect(JSON.parse(audit!.detail!)).toMatchObject({ sourceKey: `${workshopId}:ap-1`, workshopId });
		expect(JSON.parse(first.entry.validation)).toEqual({ outcome: 'validated', tallies: { civil_society: { yes: 6, no: 1 } } });
		expect(first.entry.recordedBy).toBe(ownerId);
	});

	it('hand-added entries get their own source key each', async () => {
		const a = await recordAction(db.db, ownerId, orgId, input({ sourceKey: manualSourceKey(), workshopId: null }));
		const b = await recordAction(db.db, ownerId, orgId, input({ sourceKey: manualSourceKey(), workshopId: null }));
		expect(a.entry.id).not.toBe(b.entry.id);
		expect(a.entry.sourceKey).toMatch(/^manual:[a-z2-7]{32}$/);
	});

	it('refuses members, outsiders, bad fields and a cycle of another organisation, writing nothing', async () => {
		await expect(recordAction(db.db, memberId, orgId, input())).rejects.toThrow(RegisterAccessError);
		await expect(recordAction(db.db, await addUser('Otto Outsider'), orgId, input())).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
		await expect(recordAction(db.db, ownerId, orgId, input({ title: ' ', deadline: 'tomorrow' }))).rejects.toThrow(InputError);
		const otherOrg = newId();
		await db.db.insert(organisation).values({ id: otherOrg, name: 'Other City', createdAt: Date.now() });
		const foreignCycle = await cycle(db.db, otherOrg, (await rightscitiesFramework(db.db, otherOrg)).id);
		await expect(recordAction(db.db, ownerId, orgId, input({ cycleId: foreignCycle }))).rejects.toThrow(InputError);
		expect(await db.db.select().from(actionRegisterEntry)).toHaveLength(0);
		expect(await audits()).toHaveLength(0);
	});
});

describe('changes and history', () => {
	it('keeps every edit and progress update, dated, with actor and note', async () => {
		const { entry } = await recordAction(db.db, ownerId, orgId, input());
		await updateEntry(db.db, ownerId, orgId, entry.id, { ...input(), deadline: '2025-09-30' });
		await updateProgress(db.db, ownerId, orgId, entry.id, { status: 'in_progress', reason: '', progress: '40', note: 'Ramp ordered' });
		await expect(updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: '', progress: '40', note: '' })).rejects.toThrow(InputError);
		await updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: 'Heritage permit pending', progress: '40', note: '' });
		await expect(updateProgress(db.db, ownerId, orgId, entry.id, { status: 'stuck', reason: '', progress: '40', note: '' })).rejects.toThrow(expect.objectContaining({ issues: { note: 'nothing_changed' } }));
		await expect(updateProgress(db.db, memberId, orgId, entry.id, { status: 'done', reason: '', progress: '100', note: '' })).rejects.toThrow(RegisterAccessError);

		const detail = (await entryDetail(db.db, orgId, entry.id, '2025-10-01'))!;
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
	it('filters by status, horizon, department and overdue, and sorts by deadline or status', async () => {
		const add = async (key: string, over: Partial<RecordInput>) => (await recordAction(db.db, ownerId, orgId, input({ sourceKey: key, ...over }))).entry.id;
		const late = await add('a', { title: 'Late', deadline: '2025-01-31' });
		const later = await add('b', { title: 'Later', deadline: '2026-01-31', horizon: 'strategic', department: 'Social affairs' });
		const none = await add('c', { title: 'No deadline', deadline: '' });
		await updateProgress(db.db, ownerId, orgId, later, { status: 'in_progress', reason: '', progress: '10', note: '' });
		const list = async (query: string) => (await listEntries(db.db, orgId, filtersFromQuery(new URLSearchParams(query)), '2025-03-01')).map((e) => e.id);
		expect(await list('')).toEqual([late, later, none]);
		expect(await list('overdue=1')).toEqual([late]);
		expect(await list('horizon=strategic')).toEqual([later]);
		expect(await list('department=Housing&sort=status')).toEqual([late, none]);
		expect(await list('status=in_progress')).toEqual([later]);
		expect((await list('sort=status'))[2]).toBe(later);
		expect(await list('status=bogus&sort=bogus')).toEqual([late, later, none]);
	});
});

describe('exports', () => {
	it('CSV: BOM, CRLF, documented columns, Polish, Swedish and German text intact, formulas neutralised', async () => {
		await recordAction(db.db, ownerId, orgId, input({ title: 'Zażółć gęślą jaźń – Łódź', description: 'Räksmörgås på Göteborgs kö; Straße für Jürgen Müller', department: '=HYPERLINK("x")' }));
		const csv = await registerCsv(db.db, orgId, '2025-07-01');
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

	it('JSON: format, version and the entry with its updates', async () => {
		const { entry } = await recordAction(db.db, ownerId, orgId, input());
		const json = await registerJson(db.db, { id: orgId, name: 'Test City' }, '2025-01-01');
		expect(json).toMatchObject({ format: 'rightsboard.action-register', version: 1, organisation: { id: orgId, name: 'Test City' } });
		expect(json.entries[0]).toMatchObject({ id: entry.id, indicators: [{ name: 'Offices with step-free access', baseline: '2', target: '7' }], overdue: false, cycle: { id: cycleId } });
		expect(json.entries[0]!.updates).toHaveLength(1);
	});
});

describe('the public view', () => {
	it('is off until enabled, carries no names, and a rotated link ends the old one', async () => {
		await recordAction(db.db, ownerId, orgId, input());
		await expect(changePublicPage(db.db, memberId, orgId, cycleId, 'enable')).rejects.toThrow(RegisterAccessError);
		const off = await changePublicPage(db.db, ownerId, orgId, cycleId, 'disable');
		expect(await publicView(db.db, off.token!)).toBeNull();
		const on = await changePublicPage(db.db, ownerId, orgId, cycleId, 'enable');
		expect(on.token).toBe(off.token);
		const view = (await publicView(db.db, on.token!))!;
		expect(view.entries).toHaveLength(1);
		expect(JSON.stringify(view)).not.toMatch(/Anna|Kowalska|Olga|Wheelchair/);
		const rotated = await changePublicPage(db.db, ownerId, orgId, cycleId, 'rotate');
		expect(rotated.enabled).toBe(true);
		expect(await publicView(db.db, on.token!)).toBeNull();
		expect(await publicView(db.db, rotated.token!)).not.toBeNull();
		expect(await db.db.select().from(auditEvent).where(and(eq(auditEvent.organisationId, orgId), eq(auditEvent.action, 'cycle_public_page.rotate')))).toHaveLength(1);
	});
});

describe('the demo register', () => {
	it('records five actions once, one of them overdue, with dated updates', async () => {
		const { seedDemoRegister } = await import('../../src/lib/server/demo/register');
		const ids = await seedDemoRegister(db.db, ownerId, orgId, cycleId, workshopId);
		expect(await seedDemoRegister(db.db, ownerId, orgId, cycleId, workshopId)).toEqual(ids);
		const today = new Date().toISOString().slice(0, 10);
		const all = await listEntries(db.db, orgId, filtersFromQuery(new URLSearchParams()), today);
		expect(all).toHaveLength(5);
		expect(all.filter((e) => e.overdue).map((e) => e.title)).toEqual(['Step-free entrance to the housing office']);
		expect(new Set(all.map((e) => e.horizon))).toEqual(new Set(['quick_win', 'strategic']));
		const history = (await entryDetail(db.db, orgId, all[0]!.id, today))!.history;
		expect(history.map((h) => h.createdAt)).toEqual([...history.map((h) => h.createdAt)].sort((a, b) => a - b));
		expect(history.at(-1)!.createdAt).toBeLessThan(Date.now() - 20 * 24 * 60 * 60 * 1000);
	});
});
