/**
 * Every user-visible string in a component comes from the message catalogue: no text node with
 * letters, and no literal accessible name, title, placeholder or alt, written into a `.svelte` file.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'svelte/compiler';

const ROOT = resolve(import.meta.dirname, '../..');
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
/** Letters of any script; text made only of symbols, digits and punctuation (←, ·, –, %) is fine. */
const LETTER = /\p{L}/u;

function svelteFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (name === 'paraglide' || name === 'node_modules') continue;
		if (statSync(path).isDirectory()) out.push(...svelteFiles(path));
		else if (name.endsWith('.svelte')) out.push(path);
	}
	return out;
}

type Node = { type: string; data?: string; name?: string; value?: unknown; start: number; [key: string]: unknown };

function literalIssues(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const issues: string[] = [];
	const line = (at: number) => source.slice(0, at).split('\n').length;
	const walk = (node: unknown, inStyle = false): void => {
		if (Array.isArray(node)) return node.forEach((n) => walk(n, inStyle));
		if (!node || typeof node !== 'object') return;
		const n = node as Node;
		if (n.type === 'Text' && !inStyle && n.data && LETTER.test(n.data)) issues.push(`line ${line(n.start)}: text "${n.data.trim().slice(0, 60)}"`);
		if (n.type === 'Attribute' && typeof n.name === 'string' && VISIBLE_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
			for (const part of n.value as Node[]) {
				if (part.type === 'Text' && part.data && LETTER.test(part.data)) issues.push(`line ${line(part.start)}: ${n.name}="${part.data.slice(0, 60)}"`);
			}
			return;
		}
		if (n.type === 'Attribute') return;
		for (const [key, value] of Object.entries(n)) {
			if (key === 'parent' || key === 'metadata') continue;
			if (value && typeof value === 'object') walk(value, inStyle || n.type === 'StyleSheet');
		}
	};
	walk(ast.fragment);
	return issues;
}

describe('user-visible strings', () => {
	it('come from the message catalogue in every component', () => {
		const found: string[] = [];
		for (const file of svelteFiles(join(ROOT, 'src'))) {
			for (const issue of literalIssues(readFileSync(file, 'utf8'))) found.push(`${relative(ROOT, file)} ${issue}`);
		}
		expect(found).toEqual([]);
	});

	it('would catch a hard-coded string (the check can fail)', () => {
		expect(literalIssues('<button aria-label="Close">×</button><p>Hello {name}</p>')).toHaveLength(2);
		expect(literalIssues('<p>{m.hello()} · {count}%</p><span aria-label={m.close()}>×</span>')).toEqual([]);
	});
});
