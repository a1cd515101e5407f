import { describe, expect, it } from 'vitest';
import { parseFrameworkJson, validateFrameworkJson, type FrameworkJsonIssue } from '../../src/lib/shared/framework-json';
import { RIGHTSCITIES_PILOT } from '../../src/lib/server/frameworks/builtin-rightscities';

/** Nodes as a file may hold them: any fields, any types. */
type RawNode = Record<string, unknown>;

const good = () => ({
	format: 'rightsboard-framework',
	version: 1,
	name: '  Local framework ',
	nodes: <RawNode[]>[
		{ code: 'A', kind: 'part', parent: null, original: 'Part A' },
		{ code: 'A.1', kind: 'section', parent: 'A', original: 'Section', explanation: 'Plain words' },
		{ code: 'A.1.1', kind: 'item', parent: 'A.1', original: 'Item', local: 'Our item', internalOnly: true, hidden: false }
	]
});

function issuesOf(input: unknown): FrameworkJsonIssue[] {
	const result = validateFrameworkJson(input);
	if (result.ok) throw new Error('expected the file to be refused');
	return result.issues;
}

describe('the framework JSON validator', () => {
	it('accepts the built-in framework unchanged', () => {
		const result = validateFrameworkJson(JSON.parse(JSON.stringify(RIGHTSCITIES_PILOT)));
		expect(result).toEqual({ ok: true, value: RIGHTSCITIES_PILOT });
	});

	it('accepts a minimal file and fills in the optional fields', () => {
		const result = validateFrameworkJson(good());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.name).toBe('Local framework');
		expect(result.value.description).toBe('');
		expect(result.value.nodes[0]).toEqual({ code: 'A', kind: 'part', parent: null, original: 'Part A', local: null, explanation: '', internalOnly: false, hidden: false });
		expect(result.value.nodes[2]).toMatchObject({ local: 'Our item', internalOnly: true });
	});

	it('refuses text that is not JSON, and anything that is not the format', () => {
		expect(parseFrameworkJson('{ nope')).toEqual({ ok: false, issues: [{ index: null, code: null, field: 'file', issue: 'not_json' }] });
		expect(issuesOf([])).toEqual([{ index: null, code: null, field: 'file', issue: 'format_invalid' }]);
		const wrong = { ...good(), format: 'other', version: 2, name: '' };
		expect(issuesOf(wrong).map((i) => `${i.field}:${i.issue}`)).toEqual(['format:format_invalid', 'version:version_unsupported', 'name:name_required']);
	});

	it('refuses a file without nodes', () => {
		expect(issuesOf({ ...good(), nodes: [] })).toContainEqual({ index: null, code: null, field: 'nodes', issue: 'nodes_required' });
	});

	it('names the node (index and code) and the field of every problem', () => {
		const file = good();
		file.nodes.push(
			{ code: 'A.1.1', kind: 'item', parent: 'A.1', original: 'Again' },
			{ code: 'B.1', kind: 'item', parent: 'A', original: 'Under a part' },
			{ code: 'C', kind: 'chapter', parent: null, original: 'x' },
			{ code: 'bad code', kind: 'item', parent: 'missing', original: '' },
			{ code: 'D', kind: 'part', parent: 'A', original: 'x'.repeat(1001) },
			{ code: 'E', kind: 'section', parent: null, original: 'x', hidden: 'yes' }
		);
		expect(issuesOf(file)).toEqual([
			{ index: 3, code: 'A.1.1', field: 'code', issue: 'code_duplicate' },
			{ index: 4, code: 'B.1', field: 'parent', issue: 'parent_kind_invalid' },
			{ index: 5, code: 'C', field: 'kind', issue: 'kind_invalid' },
			{ index: 6, code: 'bad code', field: 'code', issue: 'code_invalid' },
			{ index: 6, code: 'bad code', field: 'parent', issue: 'parent_unknown' },
			{ index: 6, code: 'bad code', field: 'original', issue: 'text_required' },
			{ index: 7, code: 'D', field: 'parent', issue: 'parent_not_allowed' },
			{ index: 7, code: 'D', field: 'original', issue: 'text_too_long' },
			{ index: 8, code: 'E', field: 'parent', issue: 'parent_required' },
			{ index: 8, code: 'E', field: 'hidden', issue: 'flag_invalid' }
		]);
	});

	it('requires parents to come before their children', () => {
		const file = good();
		file.nodes.reverse();
		expect(issuesOf(file).filter((i) => i.field === 'parent').map((i) => i.code)).toEqual(['A.1.1', 'A.1']);
	});

	it('refuses nodes that are not objects and fields of the wrong type', () => {
		const file = { ...good(), description: 5, nodes: [...good().nodes, 'item', { code: 'X', kind: 'part', parent: null, original: 'x', local: 3, explanation: [] }] };
		expect(issuesOf(file)).toEqual([
			{ index: null, code: null, field: 'description', issue: 'type_invalid' },
			{ index: 3, code: null, field: 'node', issue: 'node_invalid' },
			{ index: 4, code: 'X', field: 'local', issue: 'type_invalid' },
			{ index: 4, code: 'X', field: 'explanation', issue: 'type_invalid' }
		]);
	});
});
