/**
 * Sorting drafted action points into quick wins and long-term strategic objectives after an
 * impact and effort grid vote. Facilitators see the suggestion per point (from the group
 * "everyone", see shared/horizon-suggestion.ts) and apply it or choose another horizon; the
 * server writes `horizon` into the workshop's actions document through the live hub, so every
 * editor sees it at once. Only once the results are revealed or the vote is closed.
 */
import type { Db } from '../db/client';
import { docName } from '../../shared/protocol';
import { findPointMap, setChoice } from '../../shared/action-point-doc';
import { isHorizon, type Horizon } from '../../shared/action-rules';
import { gridQuadrant, overallGridTally, suggestHorizon, type HorizonRow } from '../../shared/horizon-suggestion';
import { liveHub } from '../live/hub';
import { workshopActionPoints } from '../action-points/read';
import { voteResults } from './activity-results';
import { requireRunnableVote } from './commands';
import type { VoteView } from './read';
import { HorizonError } from './horizon-error';

export type { HorizonRow };

/** Whether horizons may be set from this vote: a grid vote whose results are revealed or which is closed. */
export function horizonsReady(vote: Pick<VoteView, 'kind' | 'revealed' | 'status'>): boolean {
	return vote.kind === 'grid' && (vote.revealed || vote.status === 'closed');
}

/** One row per item of the vote that stands for an action point, in the vote's order. */
export async function horizonRows(db: Db, vote: VoteView): Promise<HorizonRow[]> {
	if (vote.kind !== 'grid') return [];
	const results = await voteResults(db, vote);
	const drafts = await workshopActionPoints(db, vote.workshopId);
	return results.items.flatMap((item, i) => {
		if (!item.actionPointId) return [];
		const draft = drafts.find((d) => d.id === item.actionPointId);
		const tally = overallGridTally(item);
		return [
			{
				itemId: item.id,
				number: i + 1,
				actionPointId: item.actionPointId,
				text: draft?.title || item.text,
				quadrant: gridQuadrant(tally),
				suggested: suggestHorizon(tally),
				current: draft && isHorizon(draft.horizon) ? draft.horizon : '',
				missing: !draft
			}
		];
	});
}

async function requireReadyGrid(db: Db, userId: string, workshopId: string, activityId: string): Promise<VoteView> {
	const vote = await requireRunnableVote(db, userId, workshopId, activityId);
	if (vote.kind !== 'grid') throw new HorizonError('not_grid');
	if (!horizonsReady(vote)) throw new HorizonError('not_ready');
	return vote;
}

/** Writes the horizons into the actions document; returns the points that were still there. */
async function writeHorizons(workshopId: string, choices: { actionPointId: string; horizon: Horizon | '' }[]): Promise<string[]> {
	const hub = liveHub();
	if (!hub) throw new HorizonError('no_live');
	const written: string[] = [];
	await hub.changeDoc(docName('actions', workshopId), (doc) => {
		for (const c of choices) {
			if (!findPointMap(doc, c.actionPointId)) continue;
			setChoice(doc, c.actionPointId, 'horizon', c.horizon);
			written.push(c.actionPointId);
		}
	});
	return written;
}

/** Sets one point's horizon (quick_win, strategic, or '' for none). */
export async function applyHorizon(db: Db, userId: string, workshopId: string, activityId: string, actionPointId: string, horizon: string): Promise<void> {
	const vote = await requireReadyGrid(db, userId, workshopId, activityId);
	if (horizon !== '' && !isHorizon(horizon)) throw new HorizonError('bad_horizon');
	if (!actionPointId || !vote.items.some((i) => i.actionPointId === actionPointId)) throw new HorizonError('bad_action_point');
	const written = await writeHorizons(workshopId, [{ actionPointId, horizon }]);
	if (written.length === 0) throw new HorizonError('gone');
}

/** Sets the suggested horizon of every point that has one; points without a suggestion keep theirs. Returns how many were set. */
export async function applySuggestedHorizons(db: Db, userId: string, workshopId: string, activityId: string): Promise<number> {
	const vote = await requireReadyGrid(db, userId, workshopId, activityId);
	const choices = (await voteResults(db, vote)).items.flatMap((item) => {
		const horizon = suggestHorizon(overallGridTally(item));
		return item.actionPointId && horizon ? [{ actionPointId: item.actionPointId, horizon }] : [];
	});
	if (choices.length === 0) throw new HorizonError('no_suggestions');
	const written = await writeHorizons(workshopId, choices);
	if (written.length === 0) throw new HorizonError('gone');
	return written.length;
}
