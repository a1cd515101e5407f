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
/** Each connection's role group, looked up once per connection. */
const groups = new WeakMap<object, Promise<string | null>>();

function principalOf(origin: unknown): Principal | null {
	if (!origin || typeof origin !== 'object' || !('principal' in origin)) return null;
	return (origin as { principal: Principal }).principal;
}

function groupOf(origin: object, principal: Principal): Promise<string | null> {
	let group = groups.get(origin);
	if (!group) groups.set(origin, (group = contributorGroup(getDb(), principal)));
	return group;
}

/** Starts watching a freshly loaded room when it holds a case document. */
export function watchCaseContributions(room: Room): void {
	const name = parseDocName(room.name);
	if (name?.kind !== 'case') return;
	const { workshopId, caseStudyId } = name;
	// Sections changed per connection (origin), until the next recording pass.
	const pending = new Map<object, { principal: Principal; sections: Set<CaseSection> }>();
	// Recorded already (in this room's life): typing must not cost a database write every few keys.
	const known = new Set<string>();
	let timer: NodeJS.Timeout | null = null;

	const record = async () => {
		timer = null;
		const batch = [...pending.entries()];
		pending.clear();
		await room.flushed();
		const db = getDb();
		let added = false;
		for (const [origin, { principal, sections }] of batch) {
			const group = await groupOf(origin, principal);
			if (!group) continue;
			const fresh = new Set([...sections].filter((s) => !known.has(`${group}\u0000${s}`)));
			if (fresh.size === 0) continue;
			added = (await recordContributors(db, caseStudyId, fresh, group)) || added;
			for (const s of fresh) known.add(`${group}\u0000${s}`);
		}
		if (added) await publishWorkshop(db, workshopId);
	};

	room.doc.on('afterTransaction', (tx: Y.Transaction) => {
		const principal = principalOf(tx.origin);
		if (!principal) return;
		const changedSections = CASE_SECTIONS.filter((s) => tx.changedParentTypes.has(sectionFragment(room.doc, s) as unknown as Y.AbstractType<Y.YEvent<any>>));
		if (changedSections.length === 0) return;
		const origin = tx.origin as object;
		const entry = pending.get(origin) ?? { principal, sections: new Set<CaseSection>() };
		for (const s of changedSections) entry.sections.add(s);
		pending.set(origin, entry);
		timer ??= setTimeout(() => {
			record().catch((error: unknown) => log.error('recording case contributors failed', { doc: room.name, error }));
		}, COALESCE_MS);
	});
}
