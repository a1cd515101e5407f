/**
 * What the server says when it is ready. Behind a proxy ORIGIN is the public address, which the
 * server itself does not listen on: the ready line names the local address first (the one a proxy
 * or a health check connects to) and the public one beside it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, removeDir, type RunningServer } from '../helpers/server';

let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
	if (server) await removeDir(server.dir);
});

describe('the ready line', () => {
	it('names the address it listens on, and the public ORIGIN beside it', async () => {
		server = await startServer({ env: { ORIGIN: 'https://rights.example.org' } });
		expect(server.output()).toMatch(/^Rightsboard listening on http:\/\/127\.0\.0\.1:\d+ \(public address https:\/\/rights\.example\.org\)$/m);
		// The helper reads the first address, so this is the server itself answering.
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});
