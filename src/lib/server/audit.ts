/** Appends to the audit log. Takes an Executor so the entry commits with the change it records. */
import type { Executor } from './db/executor';
import { auditEvent } from './db/schema';

export interface AuditEntry {
	action: string;
	organisationId?: string | null;
	actorUserId?: string | null;
	subject?: string | null;
	detail?: string | null;
}

/** Records who did what; `detail` must not contain secrets or participant names. */
export async function writeAudit(tx: Executor, entry: AuditEntry, now = Date.now()): Promise<void> {
	await tx.insert(auditEvent).values({
		action: entry.action,
		organisationId: entry.organisationId ?? null,
		actorUserId: entry.actorUserId ?? null,
		subject: entry.subject ?? null,
		detail: entry.detail ?? null,
		createdAt: now
	});
}
