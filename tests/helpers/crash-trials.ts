/**
 * Crash trials: an editor types into a board while an observer watches; the server is killed
 * with SIGKILL at a random moment and restarted on the same database. Every edit the observer
 * had received must be in the first state a new client is served after the restart.
 */
import { startServer, tempDir, removeDir, type RunningServer } from './server';
import { Fixtures } from './fixtures';
import { createClient } from './yclient';
import { docName } from '../../src/lib/shared/protocol';
import { addNote, notesOf } from '../../src/lib/shared/doc-schema';

export interface CrashResult {
	trials: number;
	/** Edits the observer had received before the kill, over all trials. */
	seenEdits: number;
	/** Of those, how many were missing after restart. */
	lost: number;
	/** Restarts after which a client was first served an empty document although edits existed. */
	emptyLoads: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `trials` kill -9 trials on one database; `onTrial` reports progress. */
export async function runCrashTrials(trials: number, onTrial?: (i: number, r: CrashResult) => void): Promise<CrashResult> {
	const dir = tempDir('rightsboard-crash-');
	const result: CrashResult = { trials: 0, seenEdits: 0, lost: 0, emptyLoads: 0 };
	let server: RunningServer = await startServer({ dir });
	const fx = new Fixtures(server.database);
	try {
		const user = await fx.user('Editor');
		const board = docName('board', await fx.workshop(await fx.organisation([[user, 'facilitator']])));
		const seen = new Set<string>();
		for (let trial = 0; trial < trials; trial++) {
			const writer = createClient(server.url, board, { cookie: user.cookie });
			const observer = createClient(server.url, board, { cookie: user.cookie });
			await Promise.all([writer.synced(), observer.synced()]);
			const notes = notesOf(observer.doc);
			const record = () => notes.forEach((_v, k) => seen.add(k));
			observer.doc.on('update', record);
			let i = 0;
			const typing = setInterval(() => addNote(writer.doc, `t${trial}-${i++}`, `edit ${i}`), 2);
			await sleep(20 + Math.random() * 200);
			await server.kill();
			clearInterval(typing);
			record();
			writer.destroy();
			observer.destroy();

			server = await startServer({ dir });
			const check = createClient(server.url, board, { cookie: user.cookie });
			await check.synced();
			const present = new Set(notesOf(check.doc).keys());
			check.destroy();
			let missing = 0;
			for (const k of seen) if (!present.has(k)) missing++;
			if (seen.size > 0 && present.size === 0) result.emptyLoads++;
			result.lost += missing;
			result.seenEdits = seen.size;
			result.trials++;
			onTrial?.(trial, result);
		}
	} finally {
		await fx.close();
		await server.stop();
		await removeDir(dir);
	}
	return result;
}
