/**
 * Participant proposals (new findings and edits made during a workshop) as staff review them:
 * pending ones per cycle, then accept or decline, recorded with who and when. Staff see the
 * proposer's role group, never a name.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Tx } from '../db/executor';
import { finding, findingProposal, frameworkNode, workshop } from '../db/schema';
import { newId } from '../ids';
import { InputError } from '../input-error';
import { checkFinding, normaliseFinding } from '../../shared/finding-rules';
import { diff, recordEvent } from './history';
import { itemInFramework } from './items';
import { nextFindingSeq } from './seq';
import type { CycleContext } from './cycle-access';

export interface PendingProposal {
	id: string;
	workshopTitle: string;
	roleGroup: string;
	statement: string;
	reason: string;
	/** The finding an edit is for, with its current statement; null for a new finding. */
	finding: { id: string; statement: string } | null;
	item: { code: string; text: string } | null;
	createdAt: number;
}

export async function listPendingProposals(db: Db, cycleId: string): Promise<PendingProposal[]> {
	const rows = await db
		.select({ p: findingProposal, workshopTitle: workshop.title, current: finding.statement, code: frameworkNode.code, original: frameworkNode.originalText, local: frameworkNode.localText })
		.from(findingProposal)
		.innerJoin(workshop, eq(workshop.id, findingProposal.workshopId))
		.leftJoin(finding, eq(finding.id, findingProposal.findingId))
		.leftJoin(frameworkNode, eq(frameworkNode.id, findingProposal.nodeId))
		.where(and(eq(findingProposal.cycleId, cycleId), eq(findingProposal.status, 'pending')))
		.orderBy(asc(findingProposal.createdAt), asc(findingProposal.seq));
	return rows.map(({ p, workshopTitle, current, code, original, local }) => ({
		id: p.id,
		workshopTitle,
		roleGroup: p.roleGroup,
		statement: p.statement,
		reason: p.reason,
		finding: p.findingId ? { id: p.findingId, statement: current ?? '' } : null,
		item: code ? { code, text: local ?? original ?? '' } : null,
		createdAt: p.createdAt
	}));
}

type Proposal = typeof findingProposal.$inferSelect;

async function decide(tx: Tx, proposal: Proposal, status: 'accepted' | 'declined', actorUserId: string, now: number): Promise<void> {
	await tx.update(findingProposal).set({ status, decidedBy: actorUserId, decidedAt: now }).where(eq(findingProposal.id, proposal.id));
}

async function requirePending(tx: Tx, cycleId: string, proposalId: string): Promise<Proposal> {
	const [p] = await tx.select().from(findingProposal).where(and(eq(findingProposal.id, proposalId), eq(findingProposal.cycleId, cycleId))).limit(1);
	if (!p) throw new InputError({ proposal: 'proposal_not_found' });
	if (p.status !== 'pending') throw new InputError({ proposal: 'proposal_decided' });
	return p;
}

/**
 * Accepts a proposal: a new finding (origin `participant`, draft) on the proposed item, or the
 * proposed statement applied to the existing finding. Returns the finding's id. A new finding
 * without an item needs `nodeId` from the reviewer.
 */
export async function acceptProposal(db: Db, cycle: CycleContext, actorUserId: string, proposalId: string, nodeId = ''): Promise<string> {
	return db.transaction(async (tx) => {
		const p = await requirePending(tx, cycle.id, proposalId);
		const statement = normaliseFinding({ statement: p.statement, rating: '', onPaper: '', inPractice: '', effect: '', confidence: '' });
		const issue = checkFinding(statement, []).statement;
		if (issue) throw new InputError({ proposal: issue });
		const now = Date.now();
		const detail = { proposalId: p.id, roleGroup: p.roleGroup, reason: p.reason };
		if (p.findingId) {
			const [before] = await tx.select().from(finding).where(and(eq(finding.id, p.findingId), eq(finding.cycleId, cycle.id))).limit(1);
			if (!before) throw new InputError({ proposal: 'proposal_not_found' });
			await tx.update(finding).set({ statement: statement.statement, updatedAt: now }).where(eq(finding.id, before.id));
			const changes = diff(before, { statement: statement.statement });
			await recordEvent(tx, { findingId: before.id, actorUserId, action: 'proposal_accepted', detail: { ...detail, changes }, workshopId: p.workshopId }, now);
			await decide(tx, p, 'accepted', actorUserId, now);
			return before.id;
		}
		const item = await itemInFramework(tx, cycle.frameworkId, p.nodeId ?? nodeId);
		if (!item) throw new InputError({ nodeId: 'item_unknown' });
		const id = newId();
		const seq = await nextFindingSeq(tx, cycle.id);
		await tx
			.insert(finding)
			.values({ id, cycleId: cycle.id, nodeId: item.id, statement: statement.statement, status: 'draft', origin: 'participant', seq, createdBy: actorUserId, createdAt: now, updatedAt: now });
		const changes = { statement: [null, statement.statement] };
		await recordEvent(tx, { findingId: id, actorUserId, action: 'proposal_accepted', detail: { ...detail, itemCode: item.code, changes }, workshopId: p.workshopId }, now);
		await decide(tx, p, 'accepted', actorUserId, now);
		return id;
	});
}

export async function declineProposal(db: Db, cycle: CycleContext, actorUserId: string, proposalId: string): Promise<void> {
	await db.transaction(async (tx) => decide(tx, await requirePending(tx, cycle.id, proposalId), 'declined', actorUserId, Date.now()));
}
