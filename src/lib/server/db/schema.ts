/**
 * The relational schema (SQLite). Singular snake_case table names; times are Unix milliseconds.
 * Migrations are generated from this file with `npm run db:generate` into drizzle/sqlite.
 */
import { sqliteTable, text, integer, blob, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const user = sqliteTable(
	'user',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		locale: text('locale').notNull().default('en'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('user_email_unique').on(t.email)]
);

export const session = sqliteTable(
	'session',
	{
		/** SHA-256 of the session token, hex. The token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const organisation = sqliteTable('organisation', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	createdAt: integer('created_at').notNull()
});

export const membership = sqliteTable(
	'membership',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** owner | facilitator | member */
		role: text('role').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('membership_user_idx').on(t.userId)]
);

export const workshop = sqliteTable(
	'workshop',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('workshop_org_idx').on(t.organisationId)]
);

/** Append-only log of Yjs updates per document; folded into doc_snapshot by compaction. */
export const docUpdate = sqliteTable(
	'doc_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		doc: text('doc').notNull(),
		data: blob('data', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('doc_update_doc_idx').on(t.doc, t.id)]
);

/** The folded state of a document up to and including update id `uptoId`. */
export const docSnapshot = sqliteTable('doc_snapshot', {
	doc: text('doc').primaryKey(),
	uptoId: integer('upto_id').notNull(),
	data: blob('data', { mode: 'buffer' }).notNull(),
	updatedAt: integer('updated_at').notNull()
});

/** Who did what, when: kept for accounts, memberships and anything later issues audit. */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: text('organisation_id'),
		actorUserId: text('actor_user_id'),
		action: text('action').notNull(),
		subject: text('subject'),
		detail: text('detail'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('audit_event_org_idx').on(t.organisationId, t.id)]
);
