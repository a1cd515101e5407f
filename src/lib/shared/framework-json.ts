/**
 * The framework exchange format (documented in docs/framework-json.md): what export writes and
 * import accepts. `validateFrameworkJson` checks everything and lists every problem with the node
 * (index and code) and field it concerns, so nothing is imported from a file with any problem.
 */
import {
	checkExplanation,
	checkFrameworkDescription,
	checkFrameworkName,
	checkNodeCode,
	checkNodeText,
	FRAMEWORK_NODES_MAX,
	isNodeKind,
	parentKindOf,
	type NodeKind
} from './framework-rules';

export const FRAMEWORK_FORMAT = 'rightsboard-framework';
export const FRAMEWORK_FORMAT_VERSION = 1;

export interface FrameworkJsonNode {
	code: string;
	kind: NodeKind;
	/** The parent's code; null for a part. */
	parent: string | null;
	original: string;
	local: string | null;
	explanation: string;
	internalOnly: boolean;
	hidden: boolean;
}

export interface FrameworkJson {
	format: typeof FRAMEWORK_FORMAT;
	version: typeof FRAMEWORK_FORMAT_VERSION;
	name: string;
	description: string;
	nodes: FrameworkJsonNode[];
}

/** One problem: `index` and `code` name the node (both null for the file itself). */
export interface FrameworkJsonIssue {
	index: number | null;
	code: string | null;
	field: string;
	issue: string;
}

export type FrameworkJsonResult = { ok: true; value: FrameworkJson } | { ok: false; issues: FrameworkJsonIssue[] };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses text first; a file that is not JSON at all is one issue on the file. */
export function parseFrameworkJson(text: string): FrameworkJsonResult {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, issues: [{ index: null, code: null, field: 'file', issue: 'not_json' }] };
	}
	return validateFrameworkJson(parsed);
}

function checkHeader(input: Record<string, unknown>, issues: FrameworkJsonIssue[]): void {
	const file = (field: string, issue: string) => issues.push({ index: null, code: null, field, issue });
	if (input.format !== FRAMEWORK_FORMAT) file('format', 'format_invalid');
	if (input.version !== FRAMEWORK_FORMAT_VERSION) file('version', 'version_unsupported');
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	const nameIssue = typeof input.name === 'string' ? checkFrameworkName(name) : 'name_required';
	if (nameIssue) file('name', nameIssue);
	if (input.description !== undefined) {
		const issue = typeof input.description === 'string' ? checkFrameworkDescription(input.description) : 'type_invalid';
		if (issue) file('description', issue);
	}
}

function optionalString(value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	return typeof value === 'string' ? value : undefined;
}

/** Checks one node against the nodes before it (`seen`: code → kind); returns it when valid. */
function checkNode(raw: unknown, index: number, seen: Map<string, NodeKind>, issues: FrameworkJsonIssue[]): FrameworkJsonNode | null {
	if (!isObject(raw)) {
		issues.push({ index, code: null, field: 'node', issue: 'node_invalid' });
		return null;
	}
	const code = typeof raw.code === 'string' ? raw.code.trim() : '';
	const before = issues.length;
	const add = (field: string, issue: string) => issues.push({ index, code: code || null, field, issue });
	const codeIssue = checkNodeCode(code);
	if (codeIssue) add('code', codeIssue);
	else if (seen.has(code)) add('code', 'code_duplicate');
	const kind = isNodeKind(raw.kind) ? raw.kind : null;
	if (!kind) add('kind', 'kind_invalid');
	const parent = optionalString(raw.parent);
	if (kind && parent !== undefined) {
		const wanted = parentKindOf(kind);
		if (wanted === null && parent !== null) add('parent', 'parent_not_allowed');
		else if (wanted !== null && parent === null) add('parent', 'parent_required');
		else if (wanted !== null && parent !== null && !seen.has(parent)) add('parent', 'parent_unknown');
		else if (wanted !== null && parent !== null && seen.get(parent) !== wanted) add('parent', 'parent_kind_invalid');
	} else if (parent === undefined) add('parent', 'type_invalid');
	const original = typeof raw.original === 'string' ? raw.original.trim() : '';
	const originalIssue = typeof raw.original === 'string' ? checkNodeText(original, true) : 'text_required';
	if (originalIssue) add('original', originalIssue);
	const local = optionalString(raw.local);
	const localIssue = local === undefined ? 'type_invalid' : checkNodeText(local?.trim() ?? '', false);
	if (localIssue) add('local', localIssue);
	const explanation = optionalString(raw.explanation);
	const explanationIssue = explanation === undefined ? 'type_invalid' : checkExplanation(explanation?.trim() ?? '');
	if (explanationIssue) add('explanation', explanationIssue);
	for (const flag of ['internalOnly', 'hidden'] as const) {
		if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') add(flag, 'flag_invalid');
	}
	if (!codeIssue && !seen.has(code) && kind) seen.set(code, kind);
	if (issues.length > before || !kind) return null;
	return {
		code,
		kind,
		parent: parent ?? null,
		original,
		local: local?.trim() || null,
		explanation: explanation?.trim() ?? '',
		internalOnly: raw.internalOnly === true,
		hidden: raw.hidden === true
	};
}

/** Validates a parsed file; nodes must list each parent before its children. */
export function validateFrameworkJson(input: unknown): FrameworkJsonResult {
	if (!isObject(input)) return { ok: false, issues: [{ index: null, code: null, field: 'file', issue: 'format_invalid' }] };
	const issues: FrameworkJsonIssue[] = [];
	checkHeader(input, issues);
	const nodes: FrameworkJsonNode[] = [];
	if (!Array.isArray(input.nodes) || input.nodes.length === 0) {
		issues.push({ index: null, code: null, field: 'nodes', issue: 'nodes_required' });
	} else if (input.nodes.length > FRAMEWORK_NODES_MAX) {
		issues.push({ index: null, code: null, field: 'nodes', issue: 'nodes_too_many' });
	} else {
		const seen = new Map<string, NodeKind>();
		input.nodes.forEach((raw, index) => {
			const node = checkNode(raw, index, seen, issues);
			if (node) nodes.push(node);
		});
	}
	if (issues.length > 0) return { ok: false, issues };
	const name = (input.name as string).trim();
	const description = typeof input.description === 'string' ? input.description.trim() : '';
	return { ok: true, value: { format: FRAMEWORK_FORMAT, version: FRAMEWORK_FORMAT_VERSION, name, description, nodes } };
}
