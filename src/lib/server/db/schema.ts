/**
 * The relational schema (SQLite), in three files: accounts, workshops and the live state
 * (schema-core), assessment (frameworks, cycles, findings), and what case-study and vote
 * activities store. Singular snake_case table names; times are Unix milliseconds. Migrations are
 * generated from this file with `npm run db:generate` into drizzle/sqlite.
 */
export * from './schema-core';
export * from './schema-assessment';
export * from './schema-workshop-tools';
