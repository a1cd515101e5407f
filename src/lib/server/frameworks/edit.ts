/**
 * Coordinators adapt their organisation's framework: reword (the original wording is never
 * changed), explain, mark internal-only, hide and unhide, add sections and items, reorder, and
 * delete nodes they added that nothing uses. Every change checks the role and is audited.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Tx } from '../db/executor';
import { framework, frameworkNode } from '../db/schema';
import { newId } from '../ids';
import { writeAudit } from '../audit';
import { InputError, throwIfIssues } from '../input-error';
import { AssessmentAccessError, requireCoordinator } from './org-access';
import { findingCounts, getFramework, getNode, listNodes, type Framework, type FrameworkNode } from './read';
import { checkExplanation, checkNodeCode, checkNodeText, parentKindOf } from '../../shared/framework-rules';

export interface NodeRef {
	organisationId: string;
	frameworkId: string;
	nodeId: string;
}

interface Scoped {
	fw: Framework;
	node: FrameworkNode;
	now: number;
}

/** Runs `change` in a transaction after the role check; the node must belong to the organisation's framework. */
async function withNode<T>(db: Db, actorUserId: string, ref: NodeRef, change: (tx: Tx, scoped: Scoped) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, ref.organisationId);
		const fw = await getFramework(tx, ref.organisationId, ref.frameworkId);
		const node = fw ? await getNode(tx, fw.id, ref.nodeId) : null;
		if (!fw || !node) throw new AssessmentAccessError('not_found');
		const now = Date.now();
		const result = await change(tx, { fw, node, now });
		await tx.update(framework).set({ updatedAt: now }).where(eq(framework.id, fw.id));
		return result;
	});
}

async function audit(tx: Tx, actorUserId: string, fw: Framework, action: string, node: { id: string; code: string }, now: number, detail?: string): Promise<void> {
	await writeAudit(tx, { action, organisationId: fw.organisationId, actorUserId, subject: node.id, detail: detail ? `${node.code}: ${detail}` : node.code }, now);
}

export interface NodeWording {
	localText: string;
	explanation: string;
	internalOnly: boolean;
}

/** Sets the local wording (empty, or the same as the original, removes it), explanation and internal flag. */
export async function updateNode(db: Db, actorUserId: string, ref: NodeRef, input: NodeWording): Promise<FrameworkNode> {
	const localText = input.localText.trim();
	const explanation = input.explanation.trim();
	throwIfIssues({ localText: checkNodeText(localText, false), explanation: checkExplanation(explanation) });
	return withNode(db, actorUserId, ref, async (tx, { fw, node, now }) => {
		const local = localText === '' || localText === node.originalText ? null : localText;
		await tx.update(frameworkNode).set({ localText: local, explanation, internalOnly: input.internalOnly, updatedAt: now }).where(eq(frameworkNode.id, node.id));
		const changed = [local !== node.localText && 'wording', explanation !== node.explanation && 'explanation', input.internalOnly !== node.internalOnly && 'internal-only'].filter(Boolean);
		if (changed.length > 0) await audit(tx, actorUserId, fw, 'framework_node.update', node, now, changed.join(', '));
		return { ...node, localText: local, explanation, internalOnly: input.internalOnly };
	});
}

/** Hides a node (and so what is under it) from new use, or shows it again. Findings keep it. */
export async function setNodeHidden(db: Db, actorUserId: string, ref: NodeRef, hidden: boolean): Promise<void> {
	await withNode(db, actorUserId, ref, async (tx, { fw, node, now }) => {
		if (node.hidden === hidden) return;
		await tx.update(frameworkNode).set({ hidden, updatedAt: now }).where(eq(frameworkNode.id, node.id));
		await audit(tx, actorUserId, fw, hidden ? 'framework_node.hide' : 'framework_node.unhide', node, now);
	});
}

/** Swaps the node with its neighbour above or below under the same parent; no-op at either end. */
export async function moveNode(db: Db, actorUserId: string, ref: NodeRef, direction: 'up' | 'down'): Promise<void> {
	await withNode(db, actorUserId, ref, async (tx, { fw, node, now }) => {
		const siblings = (await listNodes(tx, fw.id)).filter((n) => n.parentId === node.parentId);
		const index = siblings.findIndex((n) => n.id === node.id);
		const other = siblings[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		// Renumber the whole sibling list so equal or sparse positions cannot make a swap a no-op.
		const order = siblings.map((n) => n.id);
		[order[index], order[siblings.indexOf(other)]] = [other.id, node.id];
		for (const [position, id] of order.entries()) await tx.update(frameworkNode).set({ position, updatedAt: now }).where(eq(frameworkNode.id, id));
	});
}

/** A node added after the framework was created (copied or imported nodes are its source). */
export function isAddedNode(fw: Framework, node: FrameworkNode): boolean {
	return node.createdAt > fw.createdAt;
}

/** Deletes a node the coordinators added, when it has no children and no findings use it. */
export async function deleteNode(db: Db, actorUserId: string, ref: NodeRef): Promise<void> {
	await withNode(db, actorUserId, ref, async (tx, { fw, node, now }) => {
		if (!isAddedNode(fw, node)) throw new InputError({ node: 'node_not_added' });
		const [child] = await tx.select({ id: frameworkNode.id }).from(frameworkNode).where(eq(frameworkNode.parentId, node.id)).limit(1);
		if (child) throw new InputError({ node: 'node_has_children' });
		if ((await findingCounts(tx, [node.id])).size > 0) throw new InputError({ node: 'node_in_use' });
		await tx.delete(frameworkNode).where(eq(frameworkNode.id, node.id));
		await audit(tx, actorUserId, fw, 'framework_node.delete', node, now);
	});
}

export interface NewNode {
	/** A section goes under a part, an item under a section. */
	kind: 'section' | 'item';
	parentId: string;
	/** Empty to generate one: the parent's code, a dot and the next free number. */
	code: string;
	text: string;
	explanation: string;
	internalOnly: boolean;
}

/** The parent's code, a dot and the smallest number that makes a free code. */
function nextCode(parentCode: string, codes: Set<string>): string {
	let n = 1;
	while (codes.has(`${parentCode}.${n}`)) n++;
	return `${parentCode}.${n}`;
}

/** Adds a section (under a part) or an item (under a section) at the end of its parent. */
export async function addNode(db: Db, actorUserId: string, organisationId: string, frameworkId: string, input: NewNode): Promise<FrameworkNode> {
	const text = input.text.trim();
	const explanation = input.explanation.trim();
	const given = input.code.trim();
	throwIfIssues({ text: checkNodeText(text, true), explanation: checkExplanation(explanation), code: given ? checkNodeCode(given) : null });
	return withNode(db, actorUserId, { organisationId, frameworkId, nodeId: input.parentId }, async (tx, { fw, node: parent, now }) => {
		const kind = input.kind;
		if (parentKindOf(kind) !== parent.kind) throw new InputError({ parentId: 'parent_invalid' });
		const nodes = await listNodes(tx, fw.id);
		const codes = new Set(nodes.map((n) => n.code));
		if (given && codes.has(given)) throw new InputError({ code: 'code_taken' });
		const code = given || nextCode(parent.code, codes);
		const last = await tx.select({ position: frameworkNode.position }).from(frameworkNode).where(and(eq(frameworkNode.frameworkId, fw.id), eq(frameworkNode.parentId, parent.id)));
		const position = last.reduce((max, r) => Math.max(max, r.position + 1), 0);
		// Strictly later than the framework's creation, which is what marks a node as added.
		const created = Math.max(now, fw.createdAt + 1);
		const row = { id: newId(), frameworkId: fw.id, parentId: parent.id, kind, code, position, originalText: text, localText: null, explanation, internalOnly: input.internalOnly, hidden: false, createdAt: created, updatedAt: created };
		await tx.insert(frameworkNode).values(row);
		await audit(tx, actorUserId, fw, 'framework_node.add', row, now);
		return row;
	});
}
