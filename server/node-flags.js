// The V8 flags the server process runs with: under `npm start` (written out in package.json's
// "start" script) and wherever tests, proofs and benchmarks spawn the build (tests/helpers/server.ts).
// tests/unit/node-flags.test.ts fails when the two disagree.
//
// --max-semi-space-size=1 (MiB) keeps V8's young generation at 2 MiB at most (two semi-spaces).
// By default it doubles up to 32 MiB when bursts of connections keep objects alive across
// collections, about 30 MiB of resident memory that is never handed back: a one-off cost that made
// a room of 200 idle members cost about 65 KB per connection instead of the 2.5 to 12.4 KB
// measured with the flag. Latency and CPU at 200 to 1,000 participants were unchanged within noise;
// allocation-heavy work (a flood of hostile frames) runs 10-40 % slower (docs/performance.md,
// "Memory per connection").

/** @type {readonly string[]} */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=1']);
