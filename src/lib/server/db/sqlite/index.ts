/**
 * The relational schema for SQLite, in four files: accounts, workshops and the live state
 * (core), assessment (frameworks, cycles, findings), what case-study and vote activities store,
 * and the action register. Singular snake_case table names; times are Unix milliseconds.
 * Migrations are generated from this file with `npm run db:generate` into drizzle/sqlite.
 * `../pg/` mirrors it for PostgreSQL; tests/unit/schema-parity.test.ts keeps the two in step.
 */
export * from './core';
export * from './assessment';
export * from './workshop-tools';
export * from './actions';
