// `npm start`: builds when the build is missing or older than the sources, then runs the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const OUTPUT = 'build/server.js';
const SOURCES = ['src', 'server', 'drizzle', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const SKIP = new Set(['node_modules', 'paraglide']);

/** Newest modification time under `path`, in ms (0 when it does not exist). @param {string} path */
function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const entry of readdirSync(path)) if (!SKIP.has(entry)) max = Math.max(max, newest(join(path, entry)));
	return max;
}

const built = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : 0;
if (built === 0 || SOURCES.some((s) => newest(s) > built)) {
	const result = spawnSync(process.execPath, ['server/build.js'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
}
// `npm start` is the way to try Rightsboard: demo content on first start unless switched off.
process.env.RIGHTSBOARD_DEMO ??= '1';
await import(new URL(`../${OUTPUT}`, import.meta.url).href);
