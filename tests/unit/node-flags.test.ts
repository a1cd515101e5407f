// `npm start` and the spawned test, proof and bench servers run with the same V8 flags.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('server V8 flags', () => {
	it('are the flags of the npm start script, in the same order', () => {
		const words = pkg.scripts.start!.split(/\s+/);
		expect(words[0]).toBe('node');
		expect(words.at(-1)).toBe('server/start.js');
		expect(words.slice(1, -1)).toEqual([...SERVER_NODE_FLAGS]);
	});

	it('are accepted by this Node.js', () => {
		const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
