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
function withNode<T>(db: Db, actorUserId: string, ref: NodeRef, change: (tx: Tx, scoped: Scoped) => T): T {
	return db.transaction(
		(tx) => {
			requireCoordinator(tx, actorUserId, ref.organisationId);
			const fw = getFramework(tx, ref.organisationId, ref.frameworkId);
			const node = fw ? getNode(tx, fw.id, ref.nodeId) : null;
			if (!fw || !node) throw new AssessmentAccessError('not_found');
			const now = Date.now();
			const result = change(tx, { fw, node, now });
			tx.update(framework).set({ updatedAt: now }).where(eq(framework.id, fw.id)).run();
			return result;
		},
		{ behavior: 'immediate' }
	);
}

function audit(tx: Tx, actorUserId: string, fw: Framework, action: string, node: { id: string; code: string }, now: number, detail?: string) {
	writeAudit(tx, { action, organisationId: fw.organisationId, actorUserId, subject: node.id, detail: detail ? `${node.code}: ${detail}` : node.code }, now);
}

export interface NodeWording {
	localText: string;
	explanation: string;
	internalOnly: boolean;
}

/** Sets the local wording (empty, or the same as the original, removes it), explanation and internal flag. */
export function updateNode(db: Db, actorUserId: string, ref: NodeRef, input: NodeWording): FrameworkNode {
	const localText = input.localText.trim();
	const explanation = input.explanation.trim();
	throwIfIssues({ localText: checkNodeText(localText, false), explanation: checkExplanation(explanation) });
	return withNode(db, actorUserId, ref, (tx, { fw, node, now }) => {
		const local = localText === '' || localText === node.originalText ? null : localText;
		tx.update(frameworkNode).set({ localText: local, explanation, internalOnly: input.internalOnly, updatedAt: now }).where(eq(frameworkNode.id, node.id)).run();
		const changed = [local !== node.localText && 'wording', explanation !== node.explanation && 'explanation', input.internalOnly !== node.internalOnly && 'internal-only'].filter(Boolean);
		if (changed.length > 0) audit(tx, actorUserId, fw, 'framework_node.update', node, now, changed.join(', '));
		return { ...node, localText: local, explanation, internalOnly: input.internalOnly };
	});
}

/** Hides a node (and so what is under it) from new use, or shows it again. Findings keep it. */
export function setNodeHidden(db: Db, actorUserId: string, ref: NodeRef, hidden: boolean): void {
	withNode(db, actorUserId, ref, (tx, { fw, node, now }) => {
		if (node.hidden === hidden) return;
		tx.update(frameworkNode).set({ hidden, updatedAt: now }).where(eq(frameworkNode.id, node.id)).run();
		audit(tx, actorUserId, fw, hidden ? 'framework_node.hide' : 'framework_node.unhide', node, now);
	});
}

/** Swaps the node with its neighbour above or below under the same parent; no-op at either end. */
export function moveNode(db: Db, actorUserId: string, ref: NodeRef, direction: 'up' | 'down'): void {
	withNode(db, actorUserId, ref, (tx, { fw, node, now }) => {
		const siblings = listNodes(tx, fw.id).filter((n) => n.parentId === node.parentId);
		const index = siblings.findIndex((n) => n.id === node.id);
		const other = siblings[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		// Renumber the whole sibling list so equal or sparse positions cannot make a swap a no-op.
		const order = siblings.map((n) => n.id);
		[order[index], order[siblings.indexOf(other)]] = [other.id, node.id];
		order.forEach((id, position) => tx.update(frameworkNode).set({ position, updatedAt: now }).where(eq(frameworkNode.id, id)).run());
	});
}

/** A node added after the framework was created (copied or imported nodes are its source). */
export function isAddedNode(fw: Framework, node: FrameworkNode): boolean {
	return node.createdAt > fw.createdAt;
}

/** Deletes a node the coordinators added, when it has no children and no findings use it. */
export function deleteNode(db: Db, actorUserId: string, ref: NodeRef): void {
	withNode(db, actorUserId, ref, (tx, { fw, node, now }) => {
		if (!isAddedNode(fw, node)) throw new InputError({ node: 'node_not_added' });
		const child = tx.select({ id: frameworkNode.id }).from(frameworkNode).where(eq(frameworkNode.parentId, node.id)).get();
		if (child) throw new InputError({ node: 'node_has_children' });
		if (findingCounts(tx, [node.id]).size > 0) throw new InputError({ node: 'node_in_use' });
		tx.delete(frameworkNode).where(eq(frameworkNode.id, node.id)).run();
		audit(tx, actorUserId, fw, 'framework_node.delete', node, now);
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
export function addNode(db: Db, actorUserId: string, organisationId: string, frameworkId: string, input: NewNode): FrameworkNode {
	const text = input.text.trim();
	const explanation = input.explanation.trim();
	const given = input.code.trim();
	throwIfIssues({ text: checkNodeText(text, true), explanation: checkExplanation(explanation), code: given ? checkNodeCode(given) : null });
	return withNode(db, actorUserId, { organisationId, frameworkId, nodeId: input.parentId }, (tx, { fw, node: parent, now }) => {
		const kind = input.kind;
		if (parentKindOf(kind) !== parent.kind) throw new InputError({ parentId: 'parent_invalid' });
		const nodes = listNodes(tx, fw.id);
		const codes = new Set(nodes.map((n) => n.code));
		if (given && codes.has(given)) throw new InputError({ code: 'code_taken' });
		const code = given || nextCode(parent.code, codes);
		const last = tx.select({ position: frameworkNode.position }).from(frameworkNode).where(and(eq(frameworkNode.frameworkId, fw.id), eq(frameworkNode.parentId, parent.id))).all();
		const position = last.reduce((max, r) => Math.max(max, r.position + 1), 0);
		// Strictly later than the framework's creation, which is what marks a node as added.
		const created = Math.max(now, fw.createdAt + 1);
		const row = { id: newId(), frameworkId: fw.id, parentId: parent.id, kind, code, position, originalText: text, localText: null, explanation, internalOnly: input.internalOnly, hidden: false, createdAt: created, updatedAt: created };
		tx.insert(frameworkNode).values(row).run();
		audit(tx, actorUserId, fw, 'framework_node.add', row, now);
		return row;
	});
}
