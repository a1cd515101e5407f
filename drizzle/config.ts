import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './src/lib/server/db/sqlite/index.ts',
	out: './drizzle/sqlite'
});
