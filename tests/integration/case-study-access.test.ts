/**
 * Who may open and write a case study, and what cursors may say about people, proved with real
 * clients doing what a modified client could: forging a name in awareness, opening a case of
 * another workshop, writing when the case is not on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';
import { createClient, syncUrl, upgradeStatus, waitFor } from '../helpers/yclient';
import { caseWorkshop, goTo, saveCase, type CaseWorkshop } from '../helpers/case-studies';
import { caseDocName, docName } from '../../src/lib/shared/protocol';
import { readCustomRights } from '../../src/lib/shared/case-control';
import { postAction } from '../helpers/actions';
import { sectionFragment } from '../../src/lib/shared/case-doc';
import { newId } from '../../src/lib/server/ids';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { caseStudy } from '../../src/lib/server/db/schema';

let server: RunningServer;
let w: CaseWorkshop;
let ana: { id: string; cookie: string };
let bo: { id: string; cookie: string };

beforeAll(async () => {
	server = await startServer();
	w = await caseWorkshop(server);
	ana = await w.fx.participant(w.workshopId, 'Alice', 'civil servant');
	bo = await w.fx.participant(w.workshopId, 'Bo', 'resident');
});

afterAll(async () => {
	await w?.fx.close();
	await server?.stop();
	if (server) await removeDir(server.dir);
});

/** Ana publishes a forged name in awareness; resolves with everything Bo's client then sees of her. */
async function forgedAwarenessSeenByBo(caseId: string): Promise<{ seen: string; user: unknown }> {
	const name = caseDocName(w.workshopId, caseId);
	const a = createClient(server.url, name, { cookie: ana.cookie });
	const b = createClient(server.url, name, { cookie: bo.cookie });
	await Promise.all([a.synced(), b.synced()]);
	a.provider.awareness.setLocalState({
		user: { name: 'Alice', color: '#000000' },
		name: 'Alice',
		cursor: { anchor: { tname: 'section.situation', assoc: 0, extra: 'Alice' }, head: { tname: 'Alice', assoc: 0 } }
	});
	const id = a.doc.clientID;
	await waitFor(() => b.provider.awareness.getStates().get(id)?.user !== undefined, 5000, 'Ana’s awareness at Bo');
	const state = b.provider.awareness.getStates().get(id)!;
	const seen = JSON.stringify([...b.provider.awareness.getStates().values()]);
	a.destroy();
	b.destroy();
	return { seen, user: state.user };
}

describe('case-study access and awareness', () => {
	it('in an anonymous activity, a name a participant puts in awareness never reaches anyone else', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.anonymous);
		const { seen, user } = await forgedAwarenessSeenByBo(w.cases.anonymous);
		expect(seen).not.toContain('Alice');
		expect(user).toMatchObject({ name: '' });
		expect((user as { color: string }).color).not.toBe('#000000');
	});

	it('in a role-group activity, the cursor carries the role group the server knows, not the name sent', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.roleGroup);
		const { seen, user } = await forgedAwarenessSeenByBo(w.cases.roleGroup);
		expect(seen).not.toContain('Alice');
		expect(user).toMatchObject({ name: 'civil servant' });
	});

	it('refuses a participant of another workshop, and a case that is not in the named workshop', async () => {
		const otherWorkshop = await w.fx.workshop(await w.fx.organisation([]));
		const outsider = await w.fx.participant(otherWorkshop, 'Outsider');
		const url = syncUrl(server.url);
		const headers = (cookie: string) => ({ cookie, origin: server.origin });
		expect(await upgradeStatus(`${url}/${caseDocName(w.workshopId, w.cases.roleGroup)}`, headers(outsider.cookie))).toBe(401);
		// The outsider names their own workshop with this workshop's case: the case is not there.
		expect(await upgradeStatus(`${url}/${caseDocName(otherWorkshop, w.cases.roleGroup)}`, headers(outsider.cookie))).toBe(403);
		// Staff too: a case id that does not exist in the workshop is refused.
		expect(await upgradeStatus(`${url}/${caseDocName(w.workshopId, newId())}`, headers(w.facilitator.cookie))).toBe(403);
		expect(await upgradeStatus(`${url}/${caseDocName(w.workshopId, w.cases.roleGroup)}`, headers(w.facilitator.cookie))).toBe(101);
	});

	it('participants write a case only while its activity is on; otherwise a change closes the connection', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.other);
		const rogue = createClient(server.url, caseDocName(w.workshopId, w.cases.roleGroup), { cookie: ana.cookie });
		await rogue.synced();
		const closed = new Promise<number>((r) => rogue.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Written while another activity was on')]);
		sectionFragment(rogue.doc, 'situation').insert(0, [paragraph]);
		expect(await closed).toBe(4403);
		rogue.destroy();
		const check = createClient(server.url, caseDocName(w.workshopId, w.cases.roleGroup), { cookie: w.facilitator.cookie });
		await check.synced();
		expect(JSON.stringify(check.doc.toJSON())).not.toContain('Written while another activity');
		check.destroy();
	});

	it('a participant connected while the case was on can no longer write once the facilitator moves on', async () => {
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.roleGroup);
		const client = createClient(server.url, caseDocName(w.workshopId, w.cases.roleGroup), { cookie: bo.cookie });
		await client.synced();
		await goTo(server, w.facilitator.cookie, w.workshopId, w.activities.other);
		const closed = new Promise<number>((r) => client.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Written after the case was over')]);
		sectionFragment(client.doc, 'good_practices').insert(0, [paragraph]);
		expect(await closed).toBe(4403);
		client.destroy();
	});

	it('an organisation adds its own right once; a duplicate is refused and every screen is offered it', async () => {
		const add = (label: string) =>
			postAction(server.url, `/workshops/${w.workshopId}/prepare/${w.activities.roleGroup}/case-study?/addRight`, { label }, { cookie: w.facilitator.cookie });
		expect((await add('Local housing act, section 4')).type).toBe('success');
		const duplicate = await add('local housing act,  section 4');
		expect(duplicate.status).toBe(400);
		expect((await add('   ')).status).toBe(400);
		const control = createClient(server.url, docName('control', w.workshopId), { cookie: bo.cookie });
		await control.synced();
		expect(readCustomRights(control.doc).map((o) => o.label)).toEqual(['Local housing act, section 4']);
		control.destroy();
	});

	it('the preparation page refuses a blank title and people outside the organisation, and changes nothing', async () => {
		const result = await saveCase(server, w.facilitator.cookie, w.workshopId, w.activities.roleGroup, '   ');
		expect(result.type).toBe('failure');
		expect(result.status).toBe(400);
		const outsider = await w.fx.user('Out Sider');
		const refused = await saveCase(server, outsider.cookie, w.workshopId, w.activities.roleGroup, 'Taken over');
		expect(refused.status).toBe(404);
		const [row] = await w.fx.db.select({ title: caseStudy.title }).from(caseStudy).where(eq(caseStudy.id, w.cases.roleGroup)).limit(1);
		expect(row?.title).toBe('Housing for a wheelchair user');
	});
});
