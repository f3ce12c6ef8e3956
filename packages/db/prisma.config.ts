import { defineConfig } from 'prisma/config';

// The schema and migrations live at the repository root (prisma/); this package owns the CLI.
// `DATABASE_URL` is only needed by CLI commands that talk to a database (migrate, studio).
export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
