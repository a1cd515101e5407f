/**
 * Validation of findings in a workshop: an agree vote whose items are all findings. After it
 * closes, the facilitator confirms an outcome per finding (validated / contested / revised);
 * it is stored on the finding and in its history with the tallies of the shown groups and the
 * reasons of the side that lost, without names.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { finding, findingEvent } from '../db/schema';
import type { AgreeTally, ItemResult } from '../../shared/vote-results';
import { requireRunnableVote } from './commands';
import { voteResults } from './activity-results';
import type { VoteView } from './read';
import { VoteError } from './vote-error';

export const OUTCOMES = ['validated', 'contested', 'revised'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Share of agreement every shown group needs for "validated" to be suggested. */
export const VALIDATED_SHARE = 2 / 3;

export function isValidationRound(vote: Pick<VoteView, 'kind' | 'items'>): boolean {
	return vote.kind === 'agree' && vote.items.length > 0 && vote.items.every((i) => i.findingId !== null);
}

/** Validated when every shown group agrees by at least two thirds; contested otherwise; null when nothing may be shown. */
export function suggestedOutcome(item: ItemResult): Outcome | null {
	const shown = item.groups.filter((g) => !g.hidden && g.voters && g.tally && 'counts' in g.tally);
	if (shown.length === 0) return null;
	return shown.every((g) => (g.tally as AgreeTally).share >= VALIDATED_SHARE - 1e-9) ? 'validated' : 'contested';
}

/** The answer of the side that lost: disagree when validated, agree when contested, else the smaller side. */
function losingSide(outcome: Outcome, item: ItemResult): 'agree' | 'disagree' {
	if (outcome === 'validated') return 'disagree';
	if (outcome === 'contested') return 'agree';
	const all = item.groups.find((g) => g.key === 'all')?.tally as AgreeTally | null | undefined;
	return all && all.counts.agree < all.counts.disagree ? 'agree' : 'disagree';
}

export function validationDetail(outcome: Outcome, activityId: string, item: ItemResult) {
	const side = losingSide(outcome, item);
	return {
		outcome,
		activityId,
		tallies: item.groups
			.filter((g) => !g.hidden && g.tally && 'counts' in g.tally)
			.map((g) => ({ group: g.key, label: g.name, voters: g.voters, counts: (g.tally as AgreeTally).counts })),
		minorityReasons: (item.reasons.find((r) => r.answer === side)?.reasons ?? []).map((r) => r.text)
	};
}

export async function recordOutcome(db: Db, userId: string, workshopId: string, activityId: string, findingId: string, outcome: string, now = Date.now()) {
	return db.transaction(async (tx) => {
		const vote = await requireRunnableVote(tx, userId, workshopId, activityId);
		if (!isValidationRound(vote)) throw new VoteError('not_validation');
		if (vote.status !== 'closed') throw new VoteError('not_closed');
		if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new VoteError('bad_outcome');
		const item = (await voteResults(tx, vote)).items.find((i) => i.findingId === findingId);
		if (!item) throw new VoteError('bad_finding');
		const detail = validationDetail(outcome as Outcome, activityId, item);
		await tx.update(finding).set({ status: outcome, updatedAt: now }).where(eq(finding.id, findingId));
		await tx.insert(findingEvent).values({ findingId, actorUserId: userId, action: 'workshop_validation', detail: JSON.stringify(detail), workshopId, createdAt: now });
		return detail;
	});
}

/** The latest outcome recorded from this vote, per finding. */
export async function recordedOutcomes(db: Db, workshopId: string, activityId: string): Promise<Record<string, Outcome>> {
	const out: Record<string, Outcome> = {};
	const rows = await db
		.select({ findingId: findingEvent.findingId, detail: findingEvent.detail })
		.from(findingEvent)
		.where(and(eq(findingEvent.workshopId, workshopId), eq(findingEvent.action, 'workshop_validation')))
		.orderBy(desc(findingEvent.id));
	for (const row of rows) {
		const detail = JSON.parse(row.detail) as { outcome?: Outcome; activityId?: string };
		if (detail.activityId === activityId && detail.outcome && !(row.findingId in out)) out[row.findingId] = detail.outcome;
	}
	return out;
}
