import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { addActivity } from '../../src/lib/server/agenda';
import { runCommand } from '../../src/lib/server/live/control';
import { actionPointsOpen, refineActionsAccess } from '../../src/lib/server/action-points/access';
import { docAccessForParticipant, docAccessForUser } from '../../src/lib/server/access';
import { parseDocName } from '../../src/lib/shared/protocol';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';
import { addIndicator, indicatorText, pointText, removeIndicator, setLinked } from '../../src/lib/shared/action-point-edit';
import { INDICATORS_MAX } from '../../src/lib/shared/action-rules';

let f: PrepareFixture;
let points: string;
let other: string;
const base = { title: 'Draft action points', prompt: '', plannedMinutes: 20, anonymity: 'anonymous' };

beforeEach(async () => {
	f = await prepareFixture();
	points = (await addActivity(f.t.db, f.facilitator, f.workshopId, { ...base, type: 'action_points' })).id;
	other = (await addActivity(f.t.db, f.facilitator, f.workshopId, { ...base, type: 'brainstorm', title: 'Ideas' })).id;
});
afterEach(async () => await f.t.dispose());

const doc = () => parseDocName(`actions.${f.workshopId}`)!;
const participantAccess = async () => refineActionsAccess(f.t.db, doc(), docAccessForParticipant('p', doc()), 'participant');

describe('who writes the action points', () => {
	it('gives participants write access only while an action-points activity is on and not locked', async () => {
		expect(await participantAccess()).toBe('read'); // nothing on yet
		await runCommand(f.t.db, f.facilitator, f.workshopId, { type: 'goto', activityId: points });
		expect(await actionPointsOpen(f.t.db, f.workshopId)).toBe(true);
		expect(await participantAccess()).toBe('write');
		await runCommand(f.t.db, f.facilitator, f.workshopId, { type: 'lock', on: true });
		expect(await participantAccess()).toBe('read');
		await runCommand(f.t.db, f.facilitator, f.workshopId, { type: 'lock', on: false });
		expect(await participantAccess()).toBe('write');
		await runCommand(f.t.db, f.facilitator, f.workshopId, { type: 'goto', activityId: other });
		expect(await participantAccess()).toBe('read');
	});

	it('leaves staff access as the role gives it, and other documents alone', async () => {
		expect(await refineActionsAccess(f.t.db, doc(), await docAccessForUser(f.t.db, f.facilitator, doc()), 'user')).toBe('write');
		expect(await refineActionsAccess(f.t.db, doc(), await docAccessForUser(f.t.db, f.member, doc()), 'user')).toBe('read');
		expect(await docAccessForUser(f.t.db, f.outsider, doc())).toBeNull();
		const board = parseDocName(`board.${f.workshopId}`)!;
		expect(await refineActionsAccess(f.t.db, board, 'read', 'participant')).toBe('read');
	});
});

describe('editing one action point', () => {
	it('adds and removes indicators, up to the most allowed, and binds their text', () => {
		const d = new Y.Doc();
		const id = addActionPoint(d, { title: 'Ramps' });
		expect(pointText(d, id, 'title')?.toString()).toBe('Ramps');
		for (let i = 0; i < INDICATORS_MAX; i++) expect(addIndicator(d, id)).toBe(true);
		expect(addIndicator(d, id)).toBe(false);
		indicatorText(d, id, 1, 'name')!.insert(0, 'Second');
		removeIndicator(d, id, 0);
		expect(readActionPoints(d)[0]!.indicators[0]!.name).toBe('Second');
		expect(readActionPoints(d)[0]!.indicators).toHaveLength(INDICATORS_MAX - 1);
		expect(pointText(d, 'nosuchpointid00', 'title')).toBeNull();
	});

	it('links and unlinks without duplicates', () => {
		const d = new Y.Doc();
		const id = addActionPoint(d);
		setLinked(d, id, 'findingIds', 'f1', true);
		setLinked(d, id, 'findingIds', 'f1', true);
		setLinked(d, id, 'caseStudyIds', 'c1', true);
		expect(readActionPoints(d)[0]).toMatchObject({ findingIds: ['f1'], caseStudyIds: ['c1'] });
		setLinked(d, id, 'findingIds', 'f1', false);
		expect(readActionPoints(d)[0]!.findingIds).toEqual([]);
	});
});
