// `npm run test:crash -- --trials N [--db sqlite|pg|both]`: the long version of the kill -9
// durability test, on SQLite and on PostgreSQL (RIGHTSBOARD_TEST_PG_URL, default the local server).
// The tables a process uses are chosen from DATABASE_URL when it starts, so each database runs in
// its own child process of this script.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runCrashTrials } from '../helpers/crash-trials';
import { TEST_PG_URL } from '../helpers/test-database';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' }, db: { type: 'string', default: 'both' }, child: { type: 'boolean', default: false } } });
const trials = Number(values.trials);
if (!Number.isInteger(trials) || trials < 1) {
	console.error('--trials must be a positive whole number');
	process.exit(2);
}
if (!['sqlite', 'pg', 'both'].includes(values.db)) {
	console.error('--db must be sqlite, pg or both');
	process.exit(2);
}

if (!values.child) {
	let failed = false;
	for (const db of values.db === 'both' ? ['sqlite', 'pg'] : [values.db]) {
		console.log(`== ${db === 'pg' ? 'PostgreSQL' : 'SQLite'} ==`);
		const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--trials', String(trials), '--db', db, '--child'], {
			stdio: 'inherit',
			env: { ...process.env, DATABASE_URL: db === 'pg' ? TEST_PG_URL : '' }
		});
		failed ||= run.status !== 0;
	}
	process.exit(failed ? 1 : 0);
}

const started = Date.now();
const result = await runCrashTrials(trials, (i, r) => {
	if ((i + 1) % 50 === 0 || i + 1 === trials) {
		console.log(`trial ${i + 1}/${trials}: seen ${r.seenEdits} edits, lost ${r.lost}, empty loads ${r.emptyLoads}`);
	}
});
const secs = ((Date.now() - started) / 1000).toFixed(0);
console.log(
	`kill -9 trials (${values.db === 'pg' ? 'PostgreSQL' : 'SQLite'}): ${result.trials}; peer-seen edits: ${result.seenEdits}; lost: ${result.lost}; empty-document loads: ${result.emptyLoads}; ${secs} s`
);
process.exit(result.lost === 0 && result.emptyLoads === 0 ? 0 : 1);
