/**
 * Rules for framework nodes (parts → sections → items), shared by the editor forms and the JSON
 * import. Functions return an issue code or null; routes translate the codes.
 */
export const NODE_KINDS = ['part', 'section', 'item'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const FRAMEWORK_NAME_MAX = 120;
export const FRAMEWORK_DESCRIPTION_MAX = 2000;
export const NODE_TEXT_MAX = 1000;
export const NODE_EXPLANATION_MAX = 2000;
export const FRAMEWORK_NODES_MAX = 2000;
export const NODE_CODE_MAX = 40;

/** Letters, digits, dots, hyphens and underscores; starts with a letter or digit (e.g. `P1.F.1`). */
export const NODE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export function isNodeKind(value: unknown): value is NodeKind {
	return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** The kind a node's parent must have: none for a part. */
export function parentKindOf(kind: NodeKind): NodeKind | null {
	return kind === 'part' ? null : kind === 'section' ? 'part' : 'section';
}

export function checkNodeCode(code: string): string | null {
	if (code === '') return 'code_required';
	return NODE_CODE_PATTERN.test(code) ? null : 'code_invalid';
}

/** Wording (original or local): required when `required`, at most NODE_TEXT_MAX characters. */
export function checkNodeText(text: string, required: boolean): string | null {
	if (text === '') return required ? 'text_required' : null;
	return text.length > NODE_TEXT_MAX ? 'text_too_long' : null;
}

export function checkExplanation(text: string): string | null {
	return text.length > NODE_EXPLANATION_MAX ? 'explanation_too_long' : null;
}

export function checkFrameworkName(name: string): string | null {
	if (name === '') return 'name_required';
	return name.length > FRAMEWORK_NAME_MAX ? 'name_too_long' : null;
}

export function checkFrameworkDescription(text: string): string | null {
	return text.length > FRAMEWORK_DESCRIPTION_MAX ? 'description_too_long' : null;
}
