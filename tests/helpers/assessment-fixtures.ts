/**
 * Assessment test data written straight into a database: a framework with the built-in
 * RIGHTSCITIES item codes (P1.F.1 … P2.P.5), a cycle on it, and participant proposals.
 */
import type { Db } from '../../src/lib/server/db/client';
import { assessmentCycle, framework, frameworkNode, findingProposal } from '../../src/lib/server/db/schema';
import { nextProposalSeq } from '../../src/lib/server/findings/seq';
import { newId } from '../../src/lib/server/ids';

/** Sections of the built-in framework with their number of items. */
export const RIGHTSCITIES_SECTIONS: [part: string, section: string, items: number][] = [
	['P1', 'P1.F', 4],
	['P1', 'P1.S', 5],
	['P1', 'P1.T', 3],
	['P2', 'P2.W', 5],
	['P2', 'P2.H', 5],
	['P2', 'P2.P', 5]
];

export interface TestFramework {
	id: string;
	/** Node id by code, for parts, sections and items. */
	nodes: Map<string, string>;
}

/** A framework in `organisationId` with the RIGHTSCITIES parts, sections and items. */
export async function rightscitiesFramework(db: Db, organisationId: string): Promise<TestFramework> {
	const id = newId();
	const now = Date.now();
	await db.insert(framework).values({ id, organisationId, name: 'RIGHTSCITIES pilot framework', createdAt: now, updatedAt: now });
	const nodes = new Map<string, string>();
	const add = async (code: string, kind: string, parentId: string | null, position: number) => {
		const nodeId = newId();
		nodes.set(code, nodeId);
		await db.insert(frameworkNode).values({ id: nodeId, frameworkId: id, parentId, kind, code, position, originalText: `Text of ${code}`, createdAt: now, updatedAt: now });
	};
	for (const [s, [part, section, items]] of RIGHTSCITIES_SECTIONS.entries()) {
		if (!nodes.has(part)) await add(part, 'part', null, part === 'P1' ? 0 : 1);
		await add(section, 'section', nodes.get(part)!, s);
		for (let i = 1; i <= items; i++) await add(`${section}.${i}`, 'item', nodes.get(section)!, i - 1);
	}
	return { id, nodes };
}

/** A cycle on `frameworkId`; `ratingScale` empty means the default scale. */
export async function cycle(db: Db, organisationId: string, frameworkId: string, ratingScale: { key: string; label: string }[] = [], name = 'Self-assessment 2024'): Promise<string> {
	const id = newId();
	const now = Date.now();
	await db.insert(assessmentCycle).values({ id, organisationId, frameworkId, name, ratingScale: JSON.stringify(ratingScale), createdAt: now, updatedAt: now });
	return id;
}

export interface ProposalInput {
	workshopId: string;
	cycleId: string;
	statement: string;
	findingId?: string | null;
	nodeId?: string | null;
	participantId?: string | null;
	roleGroup?: string;
	reason?: string;
}

/** A pending participant proposal; returns its id. */
export async function proposal(db: Db, input: ProposalInput): Promise<string> {
	const id = newId();
	await db.insert(findingProposal)
		.values({
			id,
			workshopId: input.workshopId,
			cycleId: input.cycleId,
			findingId: input.findingId ?? null,
			nodeId: input.nodeId ?? null,
			participantId: input.participantId ?? null,
			roleGroup: input.roleGroup ?? 'civil society organisation',
			statement: input.statement,
			reason: input.reason ?? '',
			seq: await nextProposalSeq(db, input.cycleId),
			createdAt: Date.now()
		});
	return id;
}
