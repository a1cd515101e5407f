// The short version of `npm run test:storm`: clients set up like the app's come back by themselves
// after a server restart.
import { describe, expect, it } from 'vitest';
import { quantile, runStorm } from '../helpers/reconnect-storm';

describe('reconnect storm', () => {
	it('100 clients in 5 workshops are all synced again after the server restarts', async () => {
		const r = await runStorm({ clients: 100, rooms: 5, jitter: true });
		expect(r.backMs.length).toBe(100);
		// Every client was told the server was restarting.
		expect(r.closeCodes[1012]).toBe(100);
		console.log(`storm: restart ${Math.round(r.restartMs)} ms, back p50 ${Math.round(quantile(r.backMs, 0.5))} ms, max ${Math.round(quantile(r.backMs, 1))} ms after listening`);
	}, 120_000);
});
