/**
 * The server's horizon rules on a real database, without a sync server in the process: who may
 * set horizons, when, with what input — and a clear refusal when no live hub can write the drafts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { voteActivity } from '../helpers/vote-fixtures';
import { voteItem, voteSetup } from '../../src/lib/server/db/schema';
import { applyHorizon, applySuggestedHorizons, horizonsReady } from '../../src/lib/server/votes/horizons';
import { HorizonError } from '../../src/lib/server/votes/horizon-error';
import { horizonErrorMessage } from '../../src/lib/server/votes/horizon-messages';
import { WorkshopAccessError } from '../../src/lib/server/workshop-access';
import { liveHub } from '../../src/lib/server/live/hub';

let f: PrepareFixture;
let activityId: string;
const POINT = 'apointaaaaaaaaaa';

beforeEach(async () => {
	f = await prepareFixture();
	const vote = await voteActivity(f.t.db, f.workshopId, 'Impact and effort', { statements: ['Easy-read forms'], status: 'open' });
	activityId = vote.activityId;
	await f.t.db.update(voteSetup).set({ kind: 'grid' }).where(eq(voteSetup.activityId, activityId));
	await f.t.db.update(voteItem).set({ actionPointId: POINT }).where(eq(voteItem.id, vote.itemIds[0]!));
});
afterEach(async () => await f.t.dispose());

const code = async (run: () => Promise<unknown>) => {
	try {
		await run();
		return 'applied';
	} catch (e) {
		if (e instanceof HorizonError) return e.code;
		if (e instanceof WorkshopAccessError) return 'no_access';
		throw e;
	}
};
const setStatus = async (status: string, revealed = false) => {
	await f.t.db.update(voteSetup).set({ status, revealed }).where(eq(voteSetup.activityId, activityId));
};

describe('setting horizons from a grid vote', () => {
	it('is ready only for a grid that is revealed or closed', () => {
		expect(horizonsReady({ kind: 'grid', revealed: false, status: 'open' })).toBe(false);
		expect(horizonsReady({ kind: 'grid', revealed: true, status: 'open' })).toBe(true);
		expect(horizonsReady({ kind: 'grid', revealed: false, status: 'closed' })).toBe(true);
		expect(horizonsReady({ kind: 'dots', revealed: true, status: 'closed' })).toBe(false);
	});

	it('refuses members and outsiders, and waits for reveal or close', async () => {
		expect(await code(() => applyHorizon(f.t.db, f.member, f.workshopId, activityId, POINT, 'quick_win'))).toBe('no_access');
		expect(await code(() => applyHorizon(f.t.db, f.outsider, f.workshopId, activityId, POINT, 'quick_win'))).toBe('no_access');
		expect(await code(() => applyHorizon(f.t.db, f.facilitator, f.workshopId, activityId, POINT, 'quick_win'))).toBe('not_ready');
		expect(await code(() => applySuggestedHorizons(f.t.db, f.facilitator, f.workshopId, activityId))).toBe('not_ready');
	});

	it('checks the horizon and the action point before anything else', async () => {
		await setStatus('closed');
		expect(await code(() => applyHorizon(f.t.db, f.facilitator, f.workshopId, activityId, POINT, 'someday'))).toBe('bad_horizon');
		expect(await code(() => applyHorizon(f.t.db, f.facilitator, f.workshopId, activityId, 'otherpointaaaaaa', 'strategic'))).toBe('bad_action_point');
		// Nobody voted: there is nothing to suggest.
		expect(await code(() => applySuggestedHorizons(f.t.db, f.facilitator, f.workshopId, activityId))).toBe('no_suggestions');
	});

	it('refuses with a clear message when no live hub runs', async () => {
		expect(liveHub()).toBeNull();
		await setStatus('open', true);
		expect(await code(() => applyHorizon(f.t.db, f.owner, f.workshopId, activityId, POINT, 'strategic'))).toBe('no_live');
		expect(await code(() => applyHorizon(f.t.db, f.owner, f.workshopId, activityId, POINT, ''))).toBe('no_live');
		expect(horizonErrorMessage('no_live')).toMatch(/cannot be changed now/);
	});

	it('refuses a vote that is not a grid', async () => {
		await f.t.db.update(voteSetup).set({ kind: 'dots', status: 'closed' }).where(eq(voteSetup.activityId, activityId));
		expect(await code(() => applyHorizon(f.t.db, f.facilitator, f.workshopId, activityId, POINT, 'quick_win'))).toBe('not_grid');
	});
});
