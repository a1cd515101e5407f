/**
 * The JavaScript a page loads before it runs, measured from the production build: SvelteKit's
 * client entry (start, app), the route's layout and page nodes, and everything those import
 * statically — followed through the `import … from "./x.js"` statements of the built chunks, so
 * lazy `import("./x.js")` calls are left out. Each file is gzipped (level 9) and summed.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
export const CLIENT_DIR = join(ROOT, 'build/app/client');
const SERVER_CHUNKS = join(ROOT, 'build/app/server/chunks');

export interface PageWeight {
	route: string;
	files: { file: string; bytes: number; gzip: number }[];
	gzipBytes: number;
}

function serverFile(dir: string, prefix: string): string {
	const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
	if (!name) throw new Error(`no ${prefix}*.js in ${dir}: run "node server/build.js" first`);
	return join(dir, name);
}

/** The client files SvelteKit's server manifest names for the app entry and for a route's nodes. */
export function routeRoots(routeId: string): { entry: string[]; nodes: number[]; preloads: string[] } {
	if (!existsSync(SERVER_CHUNKS)) throw new Error('build/app is missing: run "node server/build.js" first');
	const manifest = readFileSync(serverFile(SERVER_CHUNKS, 'manifest.js-'), 'utf8');
	const start = /start:"([^"]+)"/.exec(manifest)?.[1];
	const app = /app:"([^"]+)"/.exec(manifest)?.[1];
	if (!start || !app) throw new Error('client entry not found in the server manifest');
	const escaped = routeId.replace(/[[\]/]/g, (c) => `\\${c}`);
	const route = new RegExp(`id: "${escaped}",[\\s\\S]*?page: \\{ layouts: \\[([^\\]]*)\\], errors: \\[[^\\]]*\\], leaf: (\\d+) \\}`).exec(manifest);
	if (!route) throw new Error(`route ${routeId} not found in the server manifest`);
	const nodes = [...route[1]!.split(',').filter((n) => n.trim() !== '').map(Number), Number(route[2])];
	// Each server node lists the client files SvelteKit preloads for it; the first is the node itself.
	const preloads = nodes.flatMap((n) => {
		const text = readFileSync(serverFile(join(SERVER_CHUNKS, 'nodes'), `${n}.js-`), 'utf8');
		const list = /const imports = (\[[^\]]*\]);/.exec(text)?.[1];
		if (!list) throw new Error(`node ${n} has no imports list`);
		return JSON.parse(list) as string[];
	});
	return { entry: [start, app], nodes, preloads };
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** `files` (paths under build/app/client) and everything they import statically. */
export function staticClosure(files: string[]): string[] {
	const seen = new Set<string>();
	const queue = [...files];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const text = readFileSync(join(CLIENT_DIR, file), 'utf8');
		for (const m of text.matchAll(STATIC_IMPORT)) queue.push(relative(CLIENT_DIR, resolve(dirname(join(CLIENT_DIR, file)), m[1]!)));
	}
	return [...seen].sort();
}

/** Gzipped JavaScript of a route before it runs. */
export function pageWeight(routeId: string): PageWeight & { preloads: string[] } {
	const roots = routeRoots(routeId);
	const nodeFiles = roots.preloads.filter((f) => f.includes('/immutable/nodes/'));
	const files = staticClosure([...roots.entry, ...nodeFiles]).map((file) => {
		const bytes = readFileSync(join(CLIENT_DIR, file));
		return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
	});
	return { route: routeId, files, gzipBytes: files.reduce((s, f) => s + f.gzip, 0), preloads: roots.preloads };
}

/** A readable account: total, then the heaviest files. */
export function describeWeight(w: PageWeight, top = 8): string {
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	const heavy = [...w.files]
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, top)
		.map((f) => `${f.file} ${kb(f.gzip)}`)
		.join(', ');
	return `${w.route}: ${kb(w.gzipBytes)} gzipped in ${w.files.length} files; heaviest: ${heavy}`;
}
