/** Assessment tables: frameworks, cycles, findings with their evidence, history and proposals. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, participant, user, workshop } from './core';

/**
 * A self-assessment framework as data: parts → sections → items (framework_node). Organisations
 * adapt their copy; `builtinKey` names the built-in template it was copied from, if any.
 */
export const framework = sqliteTable(
	'framework',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		builtinKey: text('builtin_key'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('framework_org_idx').on(t.organisationId)]
);

/**
 * One part, section or item of a framework. `code` is the stable id that keeps cycles comparable;
 * `originalText` is never overwritten by a local rewording (`localText`).
 */
export const frameworkNode = sqliteTable(
	'framework_node',
	{
		id: text('id').primaryKey(),
		frameworkId: text('framework_id')
			.notNull()
			.references(() => framework.id, { onDelete: 'cascade' }),
		parentId: text('parent_id'),
		/** part | section | item */
		kind: text('kind').notNull(),
		code: text('code').notNull(),
		position: integer('position').notNull(),
		originalText: text('original_text').notNull(),
		localText: text('local_text'),
		explanation: text('explanation').notNull().default(''),
		internalOnly: integer('internal_only', { mode: 'boolean' }).notNull().default(false),
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('framework_node_code_unique').on(t.frameworkId, t.code), index('framework_node_parent_idx').on(t.frameworkId, t.parentId, t.position)]
);

/** An assessment cycle: one run of the self-assessment on a framework, over a period. */
export const assessmentCycle = sqliteTable(
	'assessment_cycle',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		frameworkId: text('framework_id')
			.notNull()
			.references(() => framework.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		/** YYYY-MM-DD, both optional. */
		periodStart: text('period_start'),
		periodEnd: text('period_end'),
		/** Shown to participants. */
		purpose: text('purpose').notNull().default(''),
		/** JSON array of { key, label }; empty means the default scale. */
		ratingScale: text('rating_scale').notNull().default('[]'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('assessment_cycle_org_idx').on(t.organisationId)]
);

/** A finding of a cycle on one framework item. */
export const finding = sqliteTable(
	'finding',
	{
		id: text('id').primaryKey(),
		cycleId: text('cycle_id')
			.notNull()
			.references(() => assessmentCycle.id, { onDelete: 'cascade' }),
		nodeId: text('node_id')
			.notNull()
			.references(() => frameworkNode.id, { onDelete: 'restrict' }),
		statement: text('statement').notNull(),
		/** A key of the cycle's rating scale, or null when not rated yet. */
		rating: text('rating'),
		/** The three separate judgements (keys defined in src/lib/shared). */
		onPaper: text('on_paper'),
		inPractice: text('in_practice'),
		effect: text('effect'),
		confidence: text('confidence'),
		/** draft | under_review | validated | contested | revised */
		status: text('status').notNull().default('draft'),
		/** Where it came from: staff | import | participant */
		origin: text('origin').notNull().default('staff'),
		/** Creation order within the cycle (ties of createdAt keep the order findings were added in). */
		seq: integer('seq').notNull().default(0),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('finding_cycle_idx').on(t.cycleId), index('finding_node_idx').on(t.nodeId)]
);

/** One piece of evidence behind a finding. */
export const evidence = sqliteTable(
	'evidence',
	{
		id: text('id').primaryKey(),
		findingId: text('finding_id')
			.notNull()
			.references(() => finding.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** statistic | document | story | interview */
		kind: text('kind').notNull(),
		text: text('text').notNull().default(''),
		source: text('source').notNull().default(''),
		/** YYYY-MM-DD or free text such as "2023". */
		date: text('date').notNull().default(''),
		holder: text('holder').notNull().default(''),
		url: text('url').notNull().default(''),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('evidence_finding_idx').on(t.findingId, t.position)]
);

/** Who changed what on a finding, and when; includes validation outcomes from workshops (JSON detail). */
export const findingEvent = sqliteTable(
	'finding_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		findingId: text('finding_id')
			.notNull()
			.references(() => finding.id, { onDelete: 'cascade' }),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		detail: text('detail').notNull().default('{}'),
		workshopId: text('workshop_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('finding_event_finding_idx').on(t.findingId, t.id)]
);

/** A new finding or an edit proposed by a participant during a workshop; staff accept or decline it. */
export const findingProposal = sqliteTable(
	'finding_proposal',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		cycleId: text('cycle_id')
			.notNull()
			.references(() => assessmentCycle.id, { onDelete: 'cascade' }),
		/** The finding an edit is proposed for; null for a new finding. */
		findingId: text('finding_id').references(() => finding.id, { onDelete: 'cascade' }),
		nodeId: text('node_id'),
		participantId: text('participant_id').references(() => participant.id, { onDelete: 'set null' }),
		/** Role group of the proposer, kept so staff see who proposed it without a name. */
		roleGroup: text('role_group').notNull().default(''),
		statement: text('statement').notNull(),
		reason: text('reason').notNull().default(''),
		/** pending | accepted | declined */
		status: text('status').notNull().default('pending'),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at'),
		/** Creation order within the cycle (ties of createdAt keep the order proposals came in). */
		seq: integer('seq').notNull().default(0),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('finding_proposal_cycle_idx').on(t.cycleId, t.status), index('finding_proposal_workshop_idx').on(t.workshopId)]
);
