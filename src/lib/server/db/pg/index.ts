/**
 * The relational schema for PostgreSQL: the same tables, columns, keys and indexes as the SQLite
 * schema in `../sqlite/` (tests/unit/schema-parity.test.ts fails when they differ). SQLite's
 * integers are `bigint` here (times are Unix milliseconds), its 0/1 flags `boolean`, its blobs
 * `bytea`. Migrations are generated with `npm run db:generate` into drizzle/pg.
 */
export * from './core';
export * from './assessment';
export * from './workshop-tools';
export * from './actions';
