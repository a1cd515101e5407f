/**
 * The plain-language explanation of the framework node behind each finding, for the screens
 * participants read. A node that is internal-only, or sits under an internal-only section or part,
 * gives none, and neither does a node without an explanation.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { finding, frameworkNode } from '../db/schema';
import { listNodes, type FrameworkNode } from '../frameworks/read';

/** True when the node or any node above it is internal-only (a missing parent counts as internal: unknown is not shown). */
function internalInTree(node: FrameworkNode, byId: Map<string, FrameworkNode>): boolean {
	const seen = new Set<string>();
	for (let at: FrameworkNode | undefined = node; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
		if (at.internalOnly || seen.has(at.id)) return true;
		seen.add(at.id);
		if (at.parentId && !byId.has(at.parentId)) return true;
	}
	return false;
}

/** Finding id → the plain explanation of its framework node, for those that have one participants may see. */
export async function findingPlainExplanations(db: Executor, findingIds: string[]): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	if (findingIds.length === 0) return out;
	const rows = await db
		.select({ findingId: finding.id, nodeId: finding.nodeId, frameworkId: frameworkNode.frameworkId })
		.from(finding)
		.innerJoin(frameworkNode, eq(frameworkNode.id, finding.nodeId))
		.where(inArray(finding.id, [...new Set(findingIds)]));
	const frameworks = new Map<string, Map<string, FrameworkNode>>();
	for (const row of rows) {
		let byId = frameworks.get(row.frameworkId);
		if (!byId) {
			byId = new Map((await listNodes(db, row.frameworkId)).map((n) => [n.id, n]));
			frameworks.set(row.frameworkId, byId);
		}
		const node = byId.get(row.nodeId);
		if (node && node.explanation.trim() !== '' && !internalInTree(node, byId)) out.set(row.findingId, node.explanation);
	}
	return out;
}
