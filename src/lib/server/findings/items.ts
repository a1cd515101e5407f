/**
 * The framework items findings attach to, looked up within a cycle's framework by id or by their
 * stable code, and the part → section → item outline used to group findings.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { frameworkNode } from '../db/schema';

export interface OutlineNode {
	id: string;
	parentId: string | null;
	kind: string;
	code: string;
	text: string;
	position: number;
}

/** Every node of a framework, in position order within each parent. */
export async function frameworkOutline(db: Executor, frameworkId: string): Promise<OutlineNode[]> {
	const rows = await db.select().from(frameworkNode).where(eq(frameworkNode.frameworkId, frameworkId)).orderBy(asc(frameworkNode.position), asc(frameworkNode.code));
	return rows.map((n) => ({ id: n.id, parentId: n.parentId, kind: n.kind, code: n.code, text: n.localText ?? n.originalText, position: n.position }));
}

/** Item nodes in reading order (parts, then their sections, then items). */
export function itemsInOrder(nodes: OutlineNode[]): OutlineNode[] {
	const children = new Map<string | null, OutlineNode[]>();
	for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
	const out: OutlineNode[] = [];
	const walk = (parentId: string | null) => {
		for (const n of children.get(parentId) ?? []) {
			if (n.kind === 'item') out.push(n);
			walk(n.id);
		}
	};
	walk(null);
	return out;
}

/** Item codes of a framework mapped to their node ids. */
export async function itemIdsByCode(db: Executor, frameworkId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ id: frameworkNode.id, code: frameworkNode.code })
		.from(frameworkNode)
		.where(and(eq(frameworkNode.frameworkId, frameworkId), eq(frameworkNode.kind, 'item')));
	return new Map(rows.map((r) => [r.code, r.id]));
}

/** The item node with `nodeId` in the framework, or null (also for parts and sections). */
export async function itemInFramework(db: Executor, frameworkId: string, nodeId: string): Promise<OutlineNode | null> {
	const [n] = await db
		.select()
		.from(frameworkNode)
		.where(and(eq(frameworkNode.frameworkId, frameworkId), eq(frameworkNode.id, nodeId), eq(frameworkNode.kind, 'item')))
		.limit(1);
	return n ? { id: n.id, parentId: n.parentId, kind: n.kind, code: n.code, text: n.localText ?? n.originalText, position: n.position } : null;
}
