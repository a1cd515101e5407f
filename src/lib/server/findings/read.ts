/**
 * Reading findings: a cycle's findings grouped by part → section → item (with evidence counts and
 * an optional status filter), and one finding with its item, evidence and history.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { finding, findingProposal } from '../db/schema';
import { frameworkOutline, type OutlineNode } from './items';
import { findingInCycle, type FindingRow } from './findings';
import { listEvidence, type EvidenceRow } from './evidence';
import { listHistory, type HistoryEntry } from './history';
import type { CycleContext } from './cycle-access';

export interface FindingSummary {
	id: string;
	statement: string;
	rating: string | null;
	status: string;
	origin: string;
	evidenceCount: number;
}

/** One heading of the outline (part, section or item) with the findings on it. */
export interface OutlineRow {
	node: OutlineNode;
	/** 0 for parts, 1 for sections, 2 for items (deeper levels continue the count). */
	depth: number;
	findings: FindingSummary[];
}

/**
 * Findings of the cycle, optionally of one status, under their part → section → item headings
 * in reading order; headings without findings below them are left out.
 */
export async function groupedFindings(db: Executor, cycle: CycleContext, status: string | null): Promise<OutlineRow[]> {
	const rows = await db
		.select({
			id: finding.id,
			nodeId: finding.nodeId,
			statement: finding.statement,
			rating: finding.rating,
			status: finding.status,
			origin: finding.origin,
			evidenceCount: sql<number>`(select count(*) from "evidence" where "evidence"."finding_id" = "finding"."id")`
		})
		.from(finding)
		.where(status ? and(eq(finding.cycleId, cycle.id), eq(finding.status, status)) : eq(finding.cycleId, cycle.id))
		.orderBy(asc(finding.createdAt), asc(finding.seq));
	const byNode = new Map<string, FindingSummary[]>();
	for (const { nodeId, ...summary } of rows) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), summary]);
	const nodes = await frameworkOutline(db, cycle.frameworkId);
	const walk = (parentId: string | null, depth: number): OutlineRow[] =>
		nodes
			.filter((n) => n.parentId === parentId)
			.flatMap((node) => {
				const below = walk(node.id, depth + 1);
				const own = byNode.get(node.id) ?? [];
				return own.length > 0 || below.length > 0 ? [{ node, depth, findings: own }, ...below] : [];
			});
	return walk(null, 0);
}

/** Number of findings in the cycle (all statuses). */
export async function countFindings(db: Executor, cycleId: string): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)` }).from(finding).where(eq(finding.cycleId, cycleId));
	return row?.n ?? 0;
}

export async function countPendingProposals(db: Executor, cycleId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(findingProposal)
		.where(and(eq(findingProposal.cycleId, cycleId), eq(findingProposal.status, 'pending')));
	return row?.n ?? 0;
}

export interface FindingDetail {
	finding: FindingRow;
	item: OutlineNode | null;
	evidence: EvidenceRow[];
	history: HistoryEntry[];
}

/** One finding of the cycle with its item, evidence and history; null when not in the cycle. */
export async function findingDetail(db: Executor, cycle: CycleContext, findingId: string): Promise<FindingDetail | null> {
	const row = await findingInCycle(db, cycle.id, findingId);
	if (!row) return null;
	const item = (await frameworkOutline(db, cycle.frameworkId)).find((n) => n.id === row.nodeId) ?? null;
	return { finding: row, item, evidence: await listEvidence(db, findingId), history: await listHistory(db, findingId) };
}
