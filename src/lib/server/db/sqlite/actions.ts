/**
 * The action register: action points recorded after a workshop (a durable copy with their
 * validation snapshot), their dated progress updates, and each cycle's public "you said, we did"
 * page setting.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, user, workshop } from './core';
import { assessmentCycle } from './assessment';

export const actionRegisterEntry = sqliteTable(
	'action_register_entry',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		cycleId: text('cycle_id').references(() => assessmentCycle.id, { onDelete: 'set null' }),
		workshopId: text('workshop_id').references(() => workshop.id, { onDelete: 'set null' }),
		/** What was recorded (e.g. `<workshopId>:<actionPointId>`): recording the same thing twice gives one entry. */
		sourceKey: text('source_key').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** policy | participation | accessibility | capacity | coordination | practical */
		type: text('type').notNull(),
		/** quick_win | strategic */
		horizon: text('horizon').notNull(),
		department: text('department').notNull().default(''),
		ownerName: text('owner_name').notNull().default(''),
		target: text('target').notNull().default(''),
		/** JSON array of { name, baseline, target }. */
		indicators: text('indicators').notNull().default('[]'),
		/** YYYY-MM-DD or null. */
		deadline: text('deadline'),
		resources: text('resources').notNull().default(''),
		/** city | regional_national */
		competence: text('competence').notNull().default('city'),
		affectedGroups: text('affected_groups').notNull().default(''),
		/** JSON: the validation outcome when recorded (outcome, tallies by group, kept objections and changes). */
		validation: text('validation').notNull().default('{}'),
		/** planned | in_progress | done | stuck | dropped */
		status: text('status').notNull().default('planned'),
		statusReason: text('status_reason').notNull().default(''),
		/** 0..100 */
		progress: integer('progress').notNull().default(0),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: integer('recorded_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('action_register_source_unique').on(t.organisationId, t.sourceKey),
		index('action_register_org_idx').on(t.organisationId, t.status),
		index('action_register_cycle_idx').on(t.cycleId)
	]
);

/** A dated change to a register entry (status, progress, a note): its history, readable by anyone with access. */
export const actionUpdate = sqliteTable(
	'action_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entryId: text('entry_id')
			.notNull()
			.references(() => actionRegisterEntry.id, { onDelete: 'cascade' }),
		/** JSON { field: [from, to] } of what changed. */
		changes: text('changes').notNull().default('{}'),
		note: text('note').notNull().default(''),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('action_update_entry_idx').on(t.entryId, t.id)]
);

/** A cycle's public "you said, we did" page: off until enabled; the token is the shareable link. */
export const cyclePublicPage = sqliteTable('cycle_public_page', {
	cycleId: text('cycle_id')
		.primaryKey()
		.references(() => assessmentCycle.id, { onDelete: 'cascade' }),
	enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
	/** Random, 160 bits; rotating it breaks old links. */
	token: text('token').notNull(),
	updatedAt: integer('updated_at').notNull()
}, (t) => [uniqueIndex('cycle_public_token_unique').on(t.token)]);
