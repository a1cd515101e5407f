/**
 * Reading a vote activity: its setup (defaults until a preparer saves one), its items with the
 * findings' current statements, and its ballots.
 */
import { and, asc, countDistinct, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { activity, ballot, finding, voteItem, voteSetup } from '../db/schema';
import { isVoteKind, type BallotValue, type VoteKind, type VoteStatus } from '../../shared/vote-rules';
import type { CountedBallot } from './tallies';

export interface VoteItemView {
	id: string;
	text: string;
	findingId: string | null;
	/** A drafted action point's id in the workshop's actions document. */
	actionPointId: string | null;
}

export interface VoteView {
	activityId: string;
	workshopId: string;
	title: string;
	anonymity: string;
	kind: VoteKind;
	budget: number;
	cap: number;
	cycleId: string | null;
	status: VoteStatus;
	revealed: boolean;
	shownGroups: string[];
	/** Role groups who may answer; empty means everyone. */
	answerGroups: string[];
	items: VoteItemView[];
}

function parseList(json: string): string[] {
	try {
		const v: unknown = JSON.parse(json);
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

/** The items of a vote in order; a finding's item shows the finding's statement. */
export async function readItems(db: Executor, activityId: string): Promise<VoteItemView[]> {
	const rows = await db
		.select({ id: voteItem.id, text: voteItem.text, findingId: voteItem.findingId, actionPointId: voteItem.actionPointId, statement: finding.statement })
		.from(voteItem)
		.leftJoin(finding, eq(finding.id, voteItem.findingId))
		.where(eq(voteItem.activityId, activityId))
		.orderBy(asc(voteItem.position), asc(voteItem.createdAt), asc(voteItem.id));
	return rows.map((r) => ({ id: r.id, text: r.findingId ? (r.statement ?? '') : r.text, findingId: r.findingId, actionPointId: r.actionPointId }));
}

/** A vote activity of this workshop, or null (no such activity, another workshop, not a vote). */
export async function readVote(db: Executor, workshopId: string, activityId: string): Promise<VoteView | null> {
	const [act] = await db
		.select({ id: activity.id, type: activity.type, title: activity.title, anonymity: activity.anonymity })
		.from(activity)
		.where(and(eq(activity.id, activityId), eq(activity.workshopId, workshopId)))
		.limit(1);
	if (!act || act.type !== 'vote') return null;
	const [setup] = await db.select().from(voteSetup).where(eq(voteSetup.activityId, activityId)).limit(1);
	return {
		activityId,
		workshopId,
		title: act.title,
		anonymity: act.anonymity,
		kind: setup && isVoteKind(setup.kind) ? setup.kind : 'agree',
		budget: setup?.budget ?? 5,
		cap: setup?.cap ?? 3,
		cycleId: setup?.cycleId ?? null,
		status: (setup?.status as VoteStatus | undefined) ?? 'draft',
		revealed: setup?.revealed ?? false,
		shownGroups: parseList(setup?.shownGroups ?? '[]'),
		answerGroups: parseList(setup?.answerGroups ?? '[]'),
		items: await readItems(db, activityId)
	};
}

/** The vote activities of a workshop, in agenda order. */
export async function readWorkshopVotes(db: Executor, workshopId: string): Promise<VoteView[]> {
	const acts = await db
		.select({ id: activity.id })
		.from(activity)
		.where(and(eq(activity.workshopId, workshopId), eq(activity.type, 'vote')))
		.orderBy(asc(activity.position), asc(activity.createdAt), asc(activity.id));
	const votes: VoteView[] = [];
	for (const a of acts) {
		const vote = await readVote(db, workshopId, a.id);
		if (vote) votes.push(vote);
	}
	return votes;
}

/** Every ballot of an activity, parsed. */
export async function readBallots(db: Executor, activityId: string): Promise<CountedBallot[]> {
	const rows = await db
		.select({ participantId: ballot.participantId, itemKey: ballot.itemKey, value: ballot.value, reason: ballot.reason, roleGroup: ballot.roleGroup })
		.from(ballot)
		.where(eq(ballot.activityId, activityId))
		.orderBy(asc(ballot.createdAt), asc(ballot.id));
	return rows.map((b) => ({ ...b, value: JSON.parse(b.value) as BallotValue }));
}

/** How many people cast at least one ballot in an activity. */
export async function voterCount(db: Executor, activityId: string): Promise<number> {
	return (await db.select({ n: countDistinct(ballot.participantId) }).from(ballot).where(eq(ballot.activityId, activityId)))[0]?.n ?? 0;
}

/** One participant's own ballots, for their phone. */
export async function ownBallots(db: Executor, activityId: string, participantId: string): Promise<{ itemKey: string; value: BallotValue; reason: string }[]> {
	const rows = await db
		.select({ itemKey: ballot.itemKey, value: ballot.value, reason: ballot.reason })
		.from(ballot)
		.where(and(eq(ballot.activityId, activityId), eq(ballot.participantId, participantId)))
		.orderBy(asc(ballot.createdAt), asc(ballot.id));
	return rows.map((b) => ({ ...b, value: JSON.parse(b.value) as BallotValue }));
}
