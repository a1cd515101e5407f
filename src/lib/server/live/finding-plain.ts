/**
 * The plain-language explanation of the framework item behind each finding, for the screens
 * participants read. Items that are internal-only (themselves, or through their section or part)
 * give none, and neither do items without an explanation.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { finding, frameworkNode } from '../db/schema';
import { listItems } from '../frameworks/read';

/** Finding id → the plain explanation of its framework item, for those that have one participants may see. */
export function findingPlainExplanations(db: Executor, findingIds: string[]): Map<string, string> {
	const out = new Map<string, string>();
	if (findingIds.length === 0) return out;
	const rows = db
		.select({ findingId: finding.id, nodeId: finding.nodeId, frameworkId: frameworkNode.frameworkId })
		.from(finding)
		.innerJoin(frameworkNode, eq(frameworkNode.id, finding.nodeId))
		.where(inArray(finding.id, [...new Set(findingIds)]))
		.all();
	const visible = new Map<string, Map<string, string>>();
	for (const row of rows) {
		let items = visible.get(row.frameworkId);
		if (!items) {
			items = new Map(listItems(db, row.frameworkId).filter((i) => !i.internalInTree && i.explanation.trim() !== '').map((i) => [i.id, i.explanation]));
			visible.set(row.frameworkId, items);
		}
		const explanation = items.get(row.nodeId);
		if (explanation) out.set(row.findingId, explanation);
	}
	return out;
}
