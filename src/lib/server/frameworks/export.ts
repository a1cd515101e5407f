/** A framework in the exchange format (docs/framework-json.md), for download and sharing. */
import type { Executor } from '../db/executor';
import { listNodes, type Framework } from './read';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION, type FrameworkJson } from '../../shared/framework-json';

/** Every node, hidden and internal-only ones included, parents before children, siblings in order. */
export async function exportFramework(db: Executor, fw: Framework): Promise<FrameworkJson> {
	const nodes = await listNodes(db, fw.id);
	const codes = new Map(nodes.map((n) => [n.id, n.code]));
	return {
		format: FRAMEWORK_FORMAT,
		version: FRAMEWORK_FORMAT_VERSION,
		name: fw.name,
		description: fw.description,
		nodes: nodes.map((n) => ({
			code: n.code,
			kind: n.kind,
			parent: n.parentId ? (codes.get(n.parentId) ?? null) : null,
			original: n.originalText,
			local: n.localText,
			explanation: n.explanation,
			internalOnly: n.internalOnly,
			hidden: n.hidden
		}))
	};
}

/** A safe download file name from the framework's name. */
export function exportFileName(fw: Framework): string {
	const slug = fw.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
	return `${slug || 'framework'}.framework.json`;
}
