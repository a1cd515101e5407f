// `npm run test:crash -- --trials N`: the long version of the kill -9 durability test.
import { parseArgs } from 'node:util';
import { runCrashTrials } from '../helpers/crash-trials';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' } } });
const trials = Number(values.trials);
if (!Number.isInteger(trials) || trials < 1) {
	console.error('--trials must be a positive whole number');
	process.exit(2);
}
const started = Date.now();
const result = await runCrashTrials(trials, (i, r) => {
	if ((i + 1) % 50 === 0 || i + 1 === trials) {
		console.log(`trial ${i + 1}/${trials}: seen ${r.seenEdits} edits, lost ${r.lost}, empty loads ${r.emptyLoads}`);
	}
});
const secs = ((Date.now() - started) / 1000).toFixed(0);
console.log(
	`kill -9 trials: ${result.trials}; peer-seen edits: ${result.seenEdits}; lost: ${result.lost}; empty-document loads: ${result.emptyLoads}; ${secs} s`
);
process.exit(result.lost === 0 && result.emptyLoads === 0 ? 0 : 1);
