/**
 * Creating a framework in an organisation: from the built-in RIGHTSCITIES pilot or from an
 * imported JSON file. Both go through one insert, in one transaction (all or nothing).
 */
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { framework, frameworkNode } from '../db/schema';
import { newId } from '../ids';
import { writeAudit } from '../audit';
import { requireCoordinator } from './org-access';
import { RIGHTSCITIES_KEY, RIGHTSCITIES_PILOT } from './builtin-rightscities';
import type { Framework } from './read';
import { parseFrameworkJson, validateFrameworkJson, type FrameworkJson, type FrameworkJsonIssue } from '../../shared/framework-json';

/** An import was refused; nothing was written. `issues` name the node and field of each problem. */
export class FrameworkImportError extends Error {
	constructor(readonly issues: FrameworkJsonIssue[]) {
		super(`Framework import refused: ${issues.length} problem(s), first: ${issues[0]?.field} (${issues[0]?.issue})`);
		this.name = 'FrameworkImportError';
	}
}

/** Inserts a valid framework and its nodes (in file order, so positions follow it). */
async function insertFramework(tx: Executor, organisationId: string, data: FrameworkJson, builtinKey: string | null, now: number): Promise<Framework> {
	const row: Framework = { id: newId(), organisationId, name: data.name, description: data.description, builtinKey, createdAt: now, updatedAt: now };
	await tx.insert(framework).values(row);
	const ids = new Map<string, string>();
	const positions = new Map<string | null, number>();
	const values = data.nodes.map((node) => {
		const id = newId();
		ids.set(node.code, id);
		const position = positions.get(node.parent) ?? 0;
		positions.set(node.parent, position + 1);
		return {
			id,
			frameworkId: row.id,
			parentId: node.parent === null ? null : ids.get(node.parent)!,
			kind: node.kind,
			code: node.code,
			position,
			originalText: node.original,
			localText: node.local,
			explanation: node.explanation,
			internalOnly: node.internalOnly,
			hidden: node.hidden,
			createdAt: now,
			updatedAt: now
		};
	});
	// Chunks keep each statement under SQLite's bound-parameter limit.
	for (let i = 0; i < values.length; i += 200) await tx.insert(frameworkNode).values(values.slice(i, i + 200));
	return row;
}

/** Copies the built-in RIGHTSCITIES pilot framework into the organisation (coordinators only). */
export async function createFrameworkFromBuiltin(db: Db, actorUserId: string, organisationId: string): Promise<Framework> {
	return db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, organisationId);
		const now = Date.now();
		const created = await insertFramework(tx, organisationId, RIGHTSCITIES_PILOT, RIGHTSCITIES_KEY, now);
		await writeAudit(tx, { action: 'framework.copy_builtin', organisationId, actorUserId, subject: created.id, detail: RIGHTSCITIES_KEY }, now);
		return created;
	});
}

/**
 * Imports a framework file (text, or already parsed JSON) as a new framework of the organisation.
 * Throws FrameworkImportError listing every problem, and writes nothing, when the file is invalid.
 */
export async function importFramework(db: Db, actorUserId: string, organisationId: string, file: string | unknown): Promise<Framework> {
	return db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, organisationId);
		const result = typeof file === 'string' ? parseFrameworkJson(file) : validateFrameworkJson(file);
		if (!result.ok) throw new FrameworkImportError(result.issues);
		const now = Date.now();
		const created = await insertFramework(tx, organisationId, result.value, null, now);
		await writeAudit(tx, { action: 'framework.import', organisationId, actorUserId, subject: created.id, detail: `${result.value.nodes.length} nodes` }, now);
		return created;
	});
}
