/**
 * Reading frameworks: the organisation's list, one framework, its nodes as a tree, and item
 * lookup by code (for findings and their CSV import). No access checks here: callers check.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { finding, framework, frameworkNode } from '../db/schema';
import type { NodeKind } from '../../shared/framework-rules';

export type Framework = typeof framework.$inferSelect;

export interface FrameworkNode {
	id: string;
	frameworkId: string;
	parentId: string | null;
	kind: NodeKind;
	code: string;
	position: number;
	originalText: string;
	localText: string | null;
	explanation: string;
	internalOnly: boolean;
	hidden: boolean;
	createdAt: number;
}

export interface TreeNode extends FrameworkNode {
	children: TreeNode[];
}

/** An item with the codes of its section and part. */
export interface FrameworkItem extends FrameworkNode {
	sectionCode: string;
	partCode: string;
	/** True when the item, its section or its part is hidden: not offered for new findings. */
	hiddenInTree: boolean;
	/** True when the item, its section or its part is internal-only: not shown to participants. */
	internalInTree: boolean;
}

const NODE_COLUMNS = {
	id: frameworkNode.id,
	frameworkId: frameworkNode.frameworkId,
	parentId: frameworkNode.parentId,
	kind: frameworkNode.kind,
	code: frameworkNode.code,
	position: frameworkNode.position,
	originalText: frameworkNode.originalText,
	localText: frameworkNode.localText,
	explanation: frameworkNode.explanation,
	internalOnly: frameworkNode.internalOnly,
	hidden: frameworkNode.hidden,
	createdAt: frameworkNode.createdAt
};

/** The organisation's frameworks, by name. */
export async function listFrameworks(db: Executor, organisationId: string): Promise<Framework[]> {
	return db.select().from(framework).where(eq(framework.organisationId, organisationId)).orderBy(asc(framework.name), asc(framework.id));
}

/** The framework when it belongs to the organisation, else null. */
export async function getFramework(db: Executor, organisationId: string, frameworkId: string): Promise<Framework | null> {
	const [row] = await db.select().from(framework).where(and(eq(framework.id, frameworkId), eq(framework.organisationId, organisationId))).limit(1);
	return row ?? null;
}

/** Every node of the framework, parents before children, siblings by position. */
export async function listNodes(db: Executor, frameworkId: string): Promise<FrameworkNode[]> {
	const rows = (await db.select(NODE_COLUMNS).from(frameworkNode).where(eq(frameworkNode.frameworkId, frameworkId)).orderBy(asc(frameworkNode.position), asc(frameworkNode.code))) as FrameworkNode[];
	return flatten(buildTree(rows));
}

/** One node of the framework, or null. */
export async function getNode(db: Executor, frameworkId: string, nodeId: string): Promise<FrameworkNode | null> {
	const [row] = await db.select(NODE_COLUMNS).from(frameworkNode).where(and(eq(frameworkNode.frameworkId, frameworkId), eq(frameworkNode.id, nodeId))).limit(1);
	return (row as FrameworkNode | undefined) ?? null;
}

/** Nodes (sorted by position) as a tree of parts. */
export function buildTree(nodes: FrameworkNode[]): TreeNode[] {
	const byId = new Map<string, TreeNode>(nodes.map((n) => [n.id, { ...n, children: [] }]));
	const roots: TreeNode[] = [];
	for (const node of byId.values()) {
		const parent = node.parentId ? byId.get(node.parentId) : undefined;
		(parent ? parent.children : roots).push(node);
	}
	const sort = (list: TreeNode[]) => {
		list.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
		list.forEach((n) => sort(n.children));
	};
	sort(roots);
	return roots;
}

/** A tree back to a list, depth first (the export order). */
export function flatten(tree: TreeNode[]): FrameworkNode[] {
	return tree.flatMap(({ children, ...node }) => [node, ...flatten(children)]);
}

/** The framework as a tree of parts → sections → items. */
export async function frameworkTree(db: Executor, frameworkId: string): Promise<TreeNode[]> {
	return buildTree(await listNodes(db, frameworkId));
}

/** Every item (hidden ones too) with its section and part codes and inherited flags, in tree order. */
export async function listItems(db: Executor, frameworkId: string): Promise<FrameworkItem[]> {
	const items: FrameworkItem[] = [];
	for (const part of await frameworkTree(db, frameworkId)) {
		for (const section of part.children) {
			for (const { children: _, ...item } of section.children) {
				items.push({
					...item,
					sectionCode: section.code,
					partCode: part.code,
					hiddenInTree: item.hidden || section.hidden || part.hidden,
					internalInTree: item.internalOnly || section.internalOnly || part.internalOnly
				});
			}
		}
	}
	return items;
}

/** The item with this code (exact match), or null. */
export async function findItemByCode(db: Executor, frameworkId: string, code: string): Promise<FrameworkItem | null> {
	return (await listItems(db, frameworkId)).find((i) => i.code === code) ?? null;
}

/** How many findings use each of the given nodes (nodes without findings are left out). */
export async function findingCounts(db: Executor, nodeIds: string[]): Promise<Map<string, number>> {
	if (nodeIds.length === 0) return new Map();
	const rows = await db.select({ nodeId: finding.nodeId, n: count() }).from(finding).where(inArray(finding.nodeId, nodeIds)).groupBy(finding.nodeId);
	return new Map(rows.map((r) => [r.nodeId, r.n]));
}

/** The wording shown to people: the local rewording when there is one, else the original. */
export function shownText(node: Pick<FrameworkNode, 'localText' | 'originalText'>): string {
	return node.localText ?? node.originalText;
}
