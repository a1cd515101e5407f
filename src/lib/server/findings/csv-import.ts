/**
 * Importing a findings CSV into a cycle: all or nothing. The file is checked completely first;
 * only a file without any problem is written, in one transaction, with one `imported` history
 * event per finding.
 */
import { finding } from '../db/schema';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { parseFindingsCsv } from './csv-parse';
import type { CsvIssue } from './csv-format';
import { itemIdsByCode } from './items';
import { insertEvidence } from './evidence';
import { diff, recordEvent } from './history';
import { storedFields } from './findings';
import { nextFindingSeq } from './seq';
import type { CycleContext } from './cycle-access';

export type ImportResult = { ok: true; imported: number } | { ok: false; issues: CsvIssue[] };

/**
 * Checks and imports `text` (`bytes` long) into the cycle as `actorUserId`. The item codes are
 * read, the file checked and the findings written in one transaction, so the items cannot change
 * in between.
 */
export async function importFindingsCsv(db: Db, cycle: CycleContext, actorUserId: string, text: string, bytes: number): Promise<ImportResult> {
	return db.transaction(async (tx): Promise<ImportResult> => {
		const codes = await itemIdsByCode(tx, cycle.frameworkId);
		const parsed = parseFindingsCsv(text, bytes, { itemCodes: new Set(codes.keys()), ratingKeys: cycle.ratingScale.map((o) => o.key) });
		if (!parsed.ok) return parsed;
		const now = Date.now();
		let seq = await nextFindingSeq(tx, cycle.id);
		for (const row of parsed.findings) {
			const id = newId();
			const fields = storedFields(row.finding);
			await tx
				.insert(finding)
				.values({ id, cycleId: cycle.id, nodeId: codes.get(row.itemCode)!, ...fields, status: row.status, origin: 'import', seq: seq++, createdBy: actorUserId, createdAt: now, updatedAt: now });
			await insertEvidence(tx, id, row.evidence, now);
			const detail = { itemCode: row.itemCode, row: row.row, evidenceCount: row.evidence.length, changes: diff({}, { ...fields, status: row.status }) };
			await recordEvent(tx, { findingId: id, actorUserId, action: 'imported', detail }, now);
		}
		return { ok: true, imported: parsed.findings.length };
	});
}
