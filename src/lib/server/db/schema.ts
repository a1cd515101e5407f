/**
 * The tables every query uses. There are two schemas with the same tables and columns:
 * `./sqlite/` (the embedded default) and `./pg/` (PostgreSQL, when DATABASE_URL is a postgres://
 * URL); this module hands out the one this process runs on, chosen once when it loads.
 *
 * Query code is typed against the SQLite tables and the `Db` type in client.ts, and written in the
 * part of drizzle's query builder both dialects share: awaited builders, `.returning()`, no
 * no synchronous `get`, `all` or `run` calls (tests/unit/query-surface.test.ts keeps it so). Times are integer
 * milliseconds in both; PostgreSQL stores them as bigint and returns them as numbers.
 */
import * as sqlite from './sqlite';
import * as pg from './pg';
import { currentDialect } from './dialect';

/** The schema of this process's dialect, typed as SQLite's (the shared query surface). */
export const tables = (currentDialect() === 'pg' ? pg : sqlite) as unknown as typeof sqlite;

export const user = tables.user;
export const session = tables.session;
export const organisation = tables.organisation;
export const membership = tables.membership;
export const workshop = tables.workshop;
export const activity = tables.activity;
export const participant = tables.participant;
export const workshopControl = tables.workshopControl;
export const docUpdate = tables.docUpdate;
export const docHead = tables.docHead;
export const docSnapshot = tables.docSnapshot;
export const auditEvent = tables.auditEvent;
export const contribution = tables.contribution;
export const framework = tables.framework;
export const frameworkNode = tables.frameworkNode;
export const assessmentCycle = tables.assessmentCycle;
export const finding = tables.finding;
export const evidence = tables.evidence;
export const findingEvent = tables.findingEvent;
export const findingProposal = tables.findingProposal;
export const caseStudy = tables.caseStudy;
export const caseContributor = tables.caseContributor;
export const rightOption = tables.rightOption;
export const voteSetup = tables.voteSetup;
export const voteItem = tables.voteItem;
export const ballot = tables.ballot;
export const actionRegisterEntry = tables.actionRegisterEntry;
export const actionUpdate = tables.actionUpdate;
export const cyclePublicPage = tables.cyclePublicPage;
