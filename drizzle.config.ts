import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit settings: `npx drizzle-kit generate` writes SQL migrations for lib/db/schema.ts
 * into lib/db/migrations/, which lib/db/client.ts applies at start-up (PGlite or PostgreSQL).
 * Custom SQL (e.g. the audit_events append-only trigger): `npx drizzle-kit generate --custom --name <name>`.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
  strict: true,
  verbose: true,
  ...(process.env.DATABASE_URL ? { dbCredentials: { url: process.env.DATABASE_URL } } : {}),
});
