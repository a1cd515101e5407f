/**
 * Creation order within a cycle for findings and participant proposals (`seq`): one more than
 * the highest number among the cycle's rows. Read it in the transaction that inserts, so two
 * inserts never take the same number; for a batch, read it once and count up.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { finding, findingProposal } from '../db/schema';

/** The `seq` for the next finding of the cycle. */
export async function nextFindingSeq(tx: Executor, cycleId: string): Promise<number> {
	const [row] = await tx.select({ max: sql<number | null>`max(${finding.seq})` }).from(finding).where(eq(finding.cycleId, cycleId));
	return (row?.max ?? 0) + 1;
}

/** The `seq` for the next participant proposal of the cycle. */
export async function nextProposalSeq(tx: Executor, cycleId: string): Promise<number> {
	const [row] = await tx.select({ max: sql<number | null>`max(${findingProposal.seq})` }).from(findingProposal).where(eq(findingProposal.cycleId, cycleId));
	return (row?.max ?? 0) + 1;
}
