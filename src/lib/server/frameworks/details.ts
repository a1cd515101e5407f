/** A framework's own name and description, which coordinators set for their city's copy. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { framework } from '../db/schema';
import { writeAudit } from '../audit';
import { throwIfIssues } from '../input-error';
import { AssessmentAccessError, requireCoordinator } from './org-access';
import { getFramework } from './read';
import { checkFrameworkDescription, checkFrameworkName } from '../../shared/framework-rules';

export interface FrameworkDetails {
	name: string;
	description: string;
}

/** Renames and redescribes a framework; throws InputError per field on bad input. */
export async function updateFrameworkDetails(db: Db, actorUserId: string, organisationId: string, frameworkId: string, input: FrameworkDetails): Promise<void> {
	const name = input.name.trim();
	const description = input.description.trim();
	throwIfIssues({ name: checkFrameworkName(name), description: checkFrameworkDescription(description) });
	await db.transaction(async (tx) => {
		await requireCoordinator(tx, actorUserId, organisationId);
		const fw = await getFramework(tx, organisationId, frameworkId);
		if (!fw) throw new AssessmentAccessError('not_found');
		if (fw.name === name && fw.description === description) return;
		const now = Date.now();
		await tx.update(framework).set({ name, description, updatedAt: now }).where(eq(framework.id, fw.id));
		await writeAudit(tx, { action: 'framework.update', organisationId, actorUserId, subject: fw.id }, now);
	});
}
