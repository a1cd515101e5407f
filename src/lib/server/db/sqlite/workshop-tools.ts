/** Tables behind case-study and vote activities. */
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { activity, organisation, participant, user, workshop } from './core';
import { assessmentCycle, finding } from './assessment';

/** A case study (Gdańsk style). Its text lives in the synced document `case.<workshopId>.<id>`. */
export const caseStudy = sqliteTable(
	'case_study',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshop.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('case_study_workshop_idx').on(t.workshopId)]
);

/** Which role groups contributed to which section of a case study, recorded by the server. */
export const caseContributor = sqliteTable(
	'case_contributor',
	{
		caseStudyId: text('case_study_id')
			.notNull()
			.references(() => caseStudy.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		/** A participant's role group, or "staff" for facilitators. */
		roleGroup: text('role_group').notNull(),
		firstAt: integer('first_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.caseStudyId, t.section, t.roleGroup] })]
);

/** Rights an organisation added to the built-in list (EU Charter, CRPD) for case studies. */
export const rightOption = sqliteTable(
	'right_option',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('right_option_org_idx').on(t.organisationId)]
);

/** How a vote activity votes: its kind, budget and cap, and whether it is open and revealed. */
export const voteSetup = sqliteTable('vote_setup', {
	activityId: text('activity_id')
		.primaryKey()
		.references(() => activity.id, { onDelete: 'cascade' }),
	/** agree | practice | dots | ranking */
	kind: text('kind').notNull(),
	/** Dots per person (dot voting). */
	budget: integer('budget').notNull().default(5),
	/** Most dots one person may give one item. */
	cap: integer('cap').notNull().default(3),
	/** The cycle whose findings are voted on, if any. */
	cycleId: text('cycle_id').references(() => assessmentCycle.id, { onDelete: 'set null' }),
	/** draft | open | closed */
	status: text('status').notNull().default('draft'),
	revealed: integer('revealed', { mode: 'boolean' }).notNull().default(false),
	/** JSON array of declared role-group labels whose results are shown beside the three kinds. */
	shownGroups: text('shown_groups').notNull().default('[]'),
	/**
	 * JSON array of role-group labels who may answer (validation of action points); '[]' means
	 * everyone may.
	 */
	answerGroups: text('answer_groups').notNull().default('[]'),
	updatedAt: integer('updated_at').notNull()
});

/**
 * One thing voted on in a vote activity: a finding, a drafted action point (its id in the
 * workshop's `actions` document; `text` keeps its title as it was when added) or a free statement.
 */
export const voteItem = sqliteTable(
	'vote_item',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		findingId: text('finding_id').references(() => finding.id, { onDelete: 'cascade' }),
		actionPointId: text('action_point_id'),
		text: text('text').notNull().default(''),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('vote_item_activity_idx').on(t.activityId, t.position)]
);

/**
 * A participant's ballot. One row per participant and item (agree, practice) or per participant
 * and activity (dots, ranking: itemKey ''), enforced by a unique index: no double ballots.
 */
export const ballot = sqliteTable(
	'ballot',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		itemKey: text('item_key').notNull().default(''),
		/** JSON: the choice, scale value, dots per item or ranked item ids. */
		value: text('value').notNull(),
		reason: text('reason').notNull().default(''),
		/** The participant's role group when they voted. */
		roleGroup: text('role_group').notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('ballot_one_per_person').on(t.activityId, t.itemKey, t.participantId)]
);
