/**
 * Preparing a vote (owners and facilitators): its kind, dot budget and cap, the cycle whose
 * findings it votes on, the declared role groups shown beside the three kinds, who answers a
 * validation of action points, and its items.
 * Items and kind change only while the vote is a draft, so ballots always match their vote.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { assessmentCycle, finding, voteItem, workshop } from '../db/schema';
import { newId } from '../ids';
import { throwIfIssues } from '../input-error';
import { getJoinWorkshop } from '../join-credentials';
import { publishWorkshop } from '../live/publish';
import { checkSetup, checkStatement, ITEMS_MAX, type SetupInput } from '../../shared/vote-rules';
import { requireRunnableVote, saveSetupRow } from './commands';
import { workshopActionPoints } from '../action-points/read';
import { roleGroupKind, workshopRoleGroupKinds } from '../role-group-kinds';
import type { VoteView } from './read';
import { VoteError } from './vote-error';

/** Runs a change to a vote of this workshop in one transaction, then publishes. */
async function change<T>(db: Db, userId: string, workshopId: string, activityId: string, fn: (tx: Executor, vote: VoteView) => Promise<T>): Promise<T> {
	const result = await db.transaction(async (tx) => fn(tx, await requireRunnableVote(tx, userId, workshopId, activityId)));
	await publishWorkshop(db, workshopId);
	return result;
}

function requireDraft(vote: VoteView): void {
	if (vote.status !== 'draft') throw new VoteError('not_draft');
}

async function organisationOf(tx: Executor, workshopId: string): Promise<string> {
	return (await tx.select({ org: workshop.organisationId }).from(workshop).where(eq(workshop.id, workshopId)).limit(1))[0]!.org;
}

/** The organisation's cycles, newest first, for the setup page. */
export async function organisationCycles(db: Executor, workshopId: string): Promise<{ id: string; name: string }[]> {
	const organisationId = await organisationOf(db, workshopId);
	const rows = await db
		.select({ id: assessmentCycle.id, name: assessmentCycle.name })
		.from(assessmentCycle)
		.where(eq(assessmentCycle.organisationId, organisationId))
		.orderBy(asc(assessmentCycle.createdAt), asc(assessmentCycle.id));
	return rows.reverse();
}

/** The findings of a cycle, for picking. */
export async function cycleFindings(db: Db, cycleId: string | null): Promise<{ id: string; statement: string; status: string }[]> {
	if (!cycleId) return [];
	return db.select({ id: finding.id, statement: finding.statement, status: finding.status }).from(finding).where(eq(finding.cycleId, cycleId)).orderBy(asc(finding.createdAt), asc(finding.seq));
}

export interface SettingsInput extends SetupInput {
	cycleId: string;
	shownGroups: string[];
	/** Role groups who answer a validation (endorse); ignored for other kinds. */
	answerGroups?: string[];
}

/** The workshop's role groups on the civil-society side: who validates action points unless the facilitator chooses otherwise. */
export async function defaultAnswerGroups(db: Executor, workshopId: string): Promise<string[]> {
	const overrides = await workshopRoleGroupKinds(db, workshopId);
	return ((await getJoinWorkshop(db as Db, workshopId))?.roleGroups ?? []).filter((g) => roleGroupKind(g, overrides) === 'civil_society');
}

/**
 * Who answers: only for endorse votes, fixed once the vote has opened; the civil-society groups
 * when the vote first becomes a validation and nobody was chosen.
 */
async function answerGroupsOf(tx: Executor, vote: VoteView, kind: string, chosen: string[] | undefined, roleGroups: string[]): Promise<string[]> {
	if (kind !== 'endorse') return [];
	if (vote.status !== 'draft') return vote.answerGroups;
	const wanted = [...new Set(chosen ?? [])];
	if (!wanted.every((g) => roleGroups.includes(g))) throw new VoteError('bad_group');
	if (wanted.length === 0 && vote.kind !== 'endorse') return defaultAnswerGroups(tx, vote.workshopId);
	return wanted;
}

export function saveSettings(db: Db, userId: string, workshopId: string, activityId: string, input: SettingsInput) {
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		const checked = checkSetup(input);
		if ('issues' in checked) throwIfIssues(checked.issues);
		const ok = checked as Exclude<typeof checked, { issues: unknown }>;
		if (ok.kind !== vote.kind) requireDraft(vote);
		const cycleId = input.cycleId || null;
		if (cycleId && !(await organisationCycles(tx, workshopId)).some((c) => c.id === cycleId)) throw new VoteError('bad_cycle');
		const roleGroups = (await getJoinWorkshop(tx as Db, workshopId))?.roleGroups ?? [];
		if (!input.shownGroups.every((g) => roleGroups.includes(g))) throw new VoteError('bad_group');
		const answerGroups = await answerGroupsOf(tx, vote, ok.kind, input.answerGroups, roleGroups);
		await saveSetupRow(tx, vote, {
			kind: ok.kind,
			budget: ok.budget,
			cap: ok.cap,
			cycleId,
			shownGroups: JSON.stringify([...new Set(input.shownGroups)]),
			answerGroups: JSON.stringify(answerGroups)
		});
	});
}

async function nextPosition(tx: Executor, activityId: string): Promise<number> {
	return ((await tx.select({ p: max(voteItem.position) }).from(voteItem).where(eq(voteItem.activityId, activityId)))[0]?.p ?? -1) + 1;
}

export function addFindings(db: Db, userId: string, workshopId: string, activityId: string, findingIds: string[], now = Date.now()) {
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		requireDraft(vote);
		if (!vote.cycleId) throw new VoteError('no_cycle');
		const wanted = [...new Set(findingIds)].filter((id) => !vote.items.some((i) => i.findingId === id));
		if (findingIds.length === 0) throw new VoteError('bad_finding');
		const found = wanted.length ? await tx.select({ id: finding.id }).from(finding).where(and(inArray(finding.id, wanted), eq(finding.cycleId, vote.cycleId))) : [];
		if (found.length !== wanted.length) throw new VoteError('bad_finding');
		if (vote.items.length + wanted.length > ITEMS_MAX) throwIfIssues({ findings: 'too_many_items' });
		let position = await nextPosition(tx, activityId);
		for (const id of wanted) await tx.insert(voteItem).values({ id: newId(), activityId, position: position++, findingId: id, text: '', createdAt: now });
	});
}

/**
 * Adds drafted action points (ids from the workshop's actions document) as items; each item keeps
 * the point's title as it is now (or a placeholder when it has none yet).
 */
export async function addActionPoints(db: Db, userId: string, workshopId: string, activityId: string, actionPointIds: string[], untitled: string, now = Date.now()) {
	const drafts = await workshopActionPoints(db, workshopId);
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		requireDraft(vote);
		if (actionPointIds.length === 0) throw new VoteError('bad_action_point');
		const wanted = [...new Set(actionPointIds)].filter((id) => !vote.items.some((i) => i.actionPointId === id));
		const points = wanted.map((id) => drafts.find((d) => d.id === id));
		if (points.some((p) => !p)) throw new VoteError('bad_action_point');
		if (vote.items.length + wanted.length > ITEMS_MAX) throwIfIssues({ actionPoints: 'too_many_items' });
		let position = await nextPosition(tx, activityId);
		for (const p of points) await tx.insert(voteItem).values({ id: newId(), activityId, position: position++, actionPointId: p!.id, text: p!.title || untitled, createdAt: now });
		await saveSetupRow(tx, vote, {});
	});
}

export function addStatement(db: Db, userId: string, workshopId: string, activityId: string, text: string, now = Date.now()) {
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		requireDraft(vote);
		throwIfIssues({ statement: checkStatement(text, vote.items.length) });
		await tx.insert(voteItem).values({ id: newId(), activityId, position: await nextPosition(tx, activityId), text: text.trim(), createdAt: now });
		await saveSetupRow(tx, vote, {});
	});
}

export function moveItem(db: Db, userId: string, workshopId: string, activityId: string, itemId: string, direction: 'up' | 'down') {
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		requireDraft(vote);
		const ids = vote.items.map((i) => i.id);
		const at = ids.indexOf(itemId);
		if (at < 0) throw new VoteError('not_found');
		const to = direction === 'up' ? at - 1 : at + 1;
		if (to < 0 || to >= ids.length) return;
		[ids[at], ids[to]] = [ids[to]!, ids[at]!];
		for (const [position, id] of ids.entries()) await tx.update(voteItem).set({ position }).where(eq(voteItem.id, id));
	});
}

export function removeItem(db: Db, userId: string, workshopId: string, activityId: string, itemId: string) {
	return change(db, userId, workshopId, activityId, async (tx, vote) => {
		requireDraft(vote);
		if (!vote.items.some((i) => i.id === itemId)) throw new VoteError('not_found');
		await tx.delete(voteItem).where(and(eq(voteItem.id, itemId), eq(voteItem.activityId, activityId)));
	});
}
