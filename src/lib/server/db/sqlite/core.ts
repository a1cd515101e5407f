/**
 * Accounts, organisations, workshops, participants and the live state (see schema.ts).
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
		/** Planned date, YYYY-MM-DD. */
		scheduledOn: text('scheduled_on'),
		/** Main language of the workshop (a locale tag such as `en`, `pl`). */
		language: text('language').notNull().default('en'),
		purpose: text('purpose').notNull().default(''),
		/** JSON array of role-group labels participants choose from. */
		roleGroups: text('role_groups').notNull().default('[]'),
		/** JSON array of the role groups the facilitator expects in the room (balance warning). */
		expectedRoleGroups: text('expected_role_groups').notNull().default('[]'),
		/** Random join token in the join link (160 bits); rotating replaces it. */
		joinToken: text('join_token'),
		/** Short code typed at /join. */
		shortCode: text('short_code'),
		joiningOpen: integer('joining_open', { mode: 'boolean' }).notNull().default(true),
		/** JSON object: role-group label → civil_servants | civil_society | other (overrides the default guess). */
		roleGroupKinds: text('role_group_kinds').notNull().default('{}'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('workshop_org_idx').on(t.organisationId),
		uniqueIndex('workshop_join_token_unique').on(t.joinToken),
		uniqueIndex('workshop_short_code_unique').on(t.shortCode)
	]
);

/** One step of a workshop's agenda. */
export const activity = sqliteTable(
	'activity',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** orientation | brainstorm | discussion | break | case_study | vote */
		type: text('type').notNull(),
		title: text('title').notNull(),
		prompt: text('prompt').notNull().default(''),
		/** The prompt in plain language (short sentences, everyday words); empty when none was written. */
		plainPrompt: text('plain_prompt').notNull().default(''),
		plannedMinutes: integer('planned_minutes').notNull().default(10),
		/** named | role_group | anonymous */
		anonymity: text('anonymity').notNull().default('role_group'),
		/** What the activity works on: the case study of a case_study activity. */
		refId: text('ref_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('activity_workshop_idx').on(t.workshopId, t.position)]
);

/** Someone who joined a workshop by link or code, without an account. */
export const participant = sqliteTable(
	'participant',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		/** Null when the participant chose to stay anonymous. */
		displayName: text('display_name'),
		roleGroup: text('role_group').notNull(),
		organisation: text('organisation'),
		/** The participant agreed that the workshop report may thank their organisation by name. */
		acknowledgeOrganisation: integer('acknowledge_organisation', { mode: 'boolean' }).notNull().default(false),
		language: text('language').notNull().default('en'),
		/** SHA-256 of the participant cookie's token. */
		tokenHash: text('token_hash').notNull(),
		removedAt: integer('removed_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('participant_workshop_idx').on(t.workshopId), uniqueIndex('participant_token_unique').on(t.tokenHash)]
);

/** The live state of a workshop, decided by the server and published in its control document. */
export const workshopControl = sqliteTable('workshop_control', {
	workshopId: text('workshop_id')
		.primaryKey()
		.references(() => workshop.id, { onDelete: 'cascade' }),
	currentActivityId: text('current_activity_id'),
	/** "Bring everyone here": participants follow the current activity. */
	focus: integer('focus', { mode: 'boolean' }).notNull().default(true),
	locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
	/** Hidden writing: notes of the current activity are hidden until revealed. */
	hiddenWriting: integer('hidden_writing', { mode: 'boolean' }).notNull().default(false),
	revealed: integer('revealed', { mode: 'boolean' }).notNull().default(true),
	/** Timer: running until timerEndsAt, or paused with timerRemainingMs left; both null when unset. */
	timerEndsAt: integer('timer_ends_at'),
	timerRemainingMs: integer('timer_remaining_ms'),
	version: integer('version').notNull().default(0),
	updatedAt: integer('updated_at').notNull()
});

/**
 * Append-only log of Yjs updates per document; folded into doc_snapshot by compaction. `seq`
 * numbers a document's updates 1, 2, 3… in commit order (assigned through doc_head), so an
 * instance can tell exactly which updates of a document it has and fetch the ones it lacks.
 */
export const docUpdate = sqliteTable(
	'doc_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		doc: text('doc').notNull(),
		seq: integer('seq').notNull().default(0),
		data: blob('data', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('doc_update_doc_seq_unique').on(t.doc, t.seq)]
);

/** The newest sequence number given to each document's updates; appends take the next ones. */
export const docHead = sqliteTable('doc_head', {
	doc: text('doc').primaryKey(),
	seq: integer('seq').notNull()
});

/** The folded state of a document up to and including update `uptoSeq` of that document. */
export const docSnapshot = sqliteTable('doc_snapshot', {
	doc: text('doc').primaryKey(),
	uptoSeq: integer('upto_seq').notNull().default(0),
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

/**
 * A participant's note as the server accepted it: the record behind what the board shows.
 * The board document only ever gets what may be seen (no text while hidden, no name when anonymous).
 */
export const contribution = sqliteTable(
	'contribution',
	{
		/** Random id used on the board; unrelated to the participant, so notes cannot be linked. */
		publicId: text('public_id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		/** Null for a note a facilitator added on behalf of someone without a device. */
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'cascade' }),
		/** The note's id in the participant's own document (the public id for notes added on behalf). */
		noteId: text('note_id').notNull(),
		activityId: text('activity_id').notNull(),
		text: text('text').notNull(),
		/** Role group given for a note added on behalf of someone. */
		onBehalfRoleGroup: text('on_behalf_role_group'),
		/** Facilitator who added or last edited the note; their edit is kept over the author's later ones. */
		moderatedBy: text('moderated_by').references(() => user.id, { onDelete: 'set null' }),
		groupLabel: text('group_label'),
		/** Public id of the note this one was merged into; merged notes are not shown on their own. */
		mergedInto: text('merged_into'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		removedAt: integer('removed_at')
	},
	(t) => [
		uniqueIndex('contribution_note_unique').on(t.participantId, t.noteId),
		index('contribution_activity_idx').on(t.workshopId, t.activityId)
	]
);
