/**
 * Records which role groups contributed to which section of a case study: every transaction a
 * connection applies to a case document is checked for the section fragments it changed; once
 * committed, the group is recorded (first time only) and, when new, published to the workshop's
 * control document.
 */
import type * as Y from 'yjs';
import { getDb } from '../../src/lib/server/db';
import { log } from '../../src/lib/server/logger';
import { contributorGroup, recordContributors } from '../../src/lib/server/case-contributors';
import { publishWorkshop } from '../../src/lib/server/live/publish';
import { CASE_SECTIONS, type CaseSection } from '../../src/lib/shared/case-study-template';
import { sectionFragment } from '../../src/lib/shared/case-doc';
import { parseDocName } from '../../src/lib/shared/protocol';
import type { Room } from './room';
import type { Principal } from './upgrade';

const COALESCE_MS = 20;
const groups = new WeakMap<object, string | null>();

function principalOf(origin: unknown): Principal | null {
	if (!origin || typeof origin !== 'object' || !('principal' in origin)) return null;
	return (origin as { principal: Principal }).principal;
}

function groupOf(origin: object, principal: Principal): string | null {
	if (!groups.has(origin)) groups.set(origin, contributorGroup(getDb(), principal));
	return groups.get(origin) ?? null;
}

/** Starts watching a freshly loaded room when it holds a case document. */
export function watchCaseContributions(room: Room): void {
	const name = parseDocName(room.name);
	if (name?.kind !== 'case') return;
	const { workshopId, caseStudyId } = name;
	const pending = new Map<string, Set<CaseSection>>();
	// Recorded already (in this room's life): typing must not cost a database write every few keys.
	const known = new Set<string>();
	let timer: NodeJS.Timeout | null = null;

	const record = async () => {
		timer = null;
		await room.flushed();
		const db = getDb();
		let added = false;
		for (const [group, sections] of pending) {
			added = recordContributors(db, caseStudyId, sections, group) || added;
			for (const s of sections) known.add(`${group}\u0000${s}`);
		}
		pending.clear();
		if (added) await publishWorkshop(db, workshopId);
	};

	room.doc.on('afterTransaction', (tx: Y.Transaction) => {
		const principal = principalOf(tx.origin);
		if (!principal) return;
		const changedSections = CASE_SECTIONS.filter((s) => tx.changedParentTypes.has(sectionFragment(room.doc, s) as unknown as Y.AbstractType<Y.YEvent<any>>));
		if (changedSections.length === 0) return;
		const group = groupOf(tx.origin as object, principal);
		if (!group) return;
		const changed = changedSections.filter((s) => !known.has(`${group}\u0000${s}`));
		if (changed.length === 0) return;
		const sections = pending.get(group) ?? new Set<CaseSection>();
		for (const s of changed) sections.add(s);
		pending.set(group, sections);
		timer ??= setTimeout(() => {
			record().catch((error: unknown) => log.error('recording case contributors failed', { doc: room.name, error }));
		}, COALESCE_MS);
	});
}
