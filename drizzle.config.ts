import { defineConfig } from 'drizzle-kit';

// The schema file is the single source of truth; `npm run db:generate` writes the SQL migrations
// into db/migrations, which are checked in and applied at start-up (db/connection.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
