/**
 * Keeps the code base in the shape the project promises: no circular imports between our own
 * modules, and no source file far beyond ~300 lines.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'server', 'tests'];
const SKIP = new Set(['node_modules', 'paraglide']);
const EXT = /\.(ts|js|svelte)$/;

function files(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		if (SKIP.has(name)) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...files(path));
		else if (EXT.test(name)) out.push(path);
	}
	return out;
}

const all = FOLDERS.flatMap((f) => files(join(ROOT, f)));

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else if (spec.startsWith('$lib/')) base = join(ROOT, 'src/lib', spec.slice(5));
	else return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
	return specs
		.filter((m) => !/^\s*import\s+type\b|^\s*export\s+type\b/.test(m[0]))
		.map((m) => resolveImport(file, (m[1] ?? m[2])!))
		.filter((f): f is string => f !== null);
}

describe('code shape', () => {
	it('has no circular imports among our modules', () => {
		const graph = new Map(all.map((f) => [f, importsOf(f)]));
		const cycles: string[] = [];
		const state = new Map<string, 'active' | 'done'>();
		const stack: string[] = [];
		const visit = (f: string) => {
			state.set(f, 'active');
			stack.push(f);
			for (const next of graph.get(f) ?? []) {
				if (state.get(next) === 'active') {
					cycles.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative(ROOT, p)).join(' -> '));
				} else if (!state.has(next)) visit(next);
			}
			stack.pop();
			state.set(f, 'done');
		};
		for (const f of graph.keys()) if (!state.has(f)) visit(f);
		expect(cycles).toEqual([]);
	});

	it('keeps every source file under 330 lines', () => {
		const long = all
			.map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
			.filter((f) => f.lines > 330);
		expect(long).toEqual([]);
	});
});
