/**
 * The relational schema (SQLite), in four files: accounts, workshops and the live state
 * (schema-core), assessment (frameworks, cycles, findings), what case-study and vote activities
 * store, and the action register. Singular snake_case table names; times are Unix milliseconds.
 * Migrations are generated from this file with `npm run db:generate` into drizzle/sqlite.
 */
export * from './schema-core';
export * from './schema-assessment';
export * from './schema-workshop-tools';
export * from './schema-actions';
