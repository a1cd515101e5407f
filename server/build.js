// Builds the app: SvelteKit (adapter-node) into build/app, then the server entry into build/server.js.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const started = Date.now();
console.log('Building Rightsboard…');
await viteBuild({ logLevel: 'warn' });
await esbuild({
	entryPoints: ['server/index.ts'],
	outfile: 'build/server.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
