// `npm run test:storm -- --clients N [--rooms R] [--no-jitter]`: N participants' boards across R
// workshops, the server restarted under them; how long until every client is synced again.
import { parseArgs } from 'node:util';
import { quantile, runStorm } from '../helpers/reconnect-storm';

const { values } = parseArgs({
	options: {
		clients: { type: 'string', default: '1000' },
		rooms: { type: 'string', default: '20' },
		'no-jitter': { type: 'boolean', default: false }
	}
});
const clients = Number(values.clients);
const rooms = Number(values.rooms);
if (!Number.isInteger(clients) || clients < 1 || !Number.isInteger(rooms) || rooms < 1) {
	console.error('--clients and --rooms must be positive whole numbers');
	process.exit(2);
}
const BUDGET_MS = 5000;
const jitter = !values['no-jitter'];
const r = await runStorm({ clients, rooms, jitter });
const ms = (n: number) => `${Math.round(n)} ms`;
const codes = Object.entries(r.closeCodes)
	.map(([code, n]) => `${code}×${n}`)
	.join(', ');
const all = r.backMs.length === clients;
const ok = all && quantile(r.backMs, 1) <= BUDGET_MS;
console.log(
	`reconnect storm (${jitter ? 'jittered' : 'stock'} backoff): ${r.backMs.length}/${clients} clients in ${rooms} rooms back; ` +
		`restart ${ms(r.restartMs)} (old server exited after ${ms(r.stopMs)}); ` +
		`socket open since listening p50 ${ms(quantile(r.openMs, 0.5))}, max ${ms(quantile(r.openMs, 1))}; synced since listening p50 ${ms(quantile(r.backMs, 0.5))}, p95 ${ms(quantile(r.backMs, 0.95))}, max ${ms(quantile(r.backMs, 1))}; ` +
		`since SIGTERM p50 ${ms(quantile(r.backSinceTermMs, 0.5))}, p95 ${ms(quantile(r.backSinceTermMs, 0.95))}, max ${ms(quantile(r.backSinceTermMs, 1))}; ` +
		`close codes ${codes}; failed attempts ${r.failedAttempts}; all back within 5 s of listening: ${ok ? 'yes' : 'NO'}`
);
process.exit(ok ? 0 : 1);
