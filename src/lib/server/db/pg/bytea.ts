/** PostgreSQL `bytea` as a Node Buffer, the counterpart of SQLite's `blob({ mode: 'buffer' })`. */
import { customType } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
	dataType: () => 'bytea'
});
