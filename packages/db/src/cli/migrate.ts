import { migrateDatabase } from '../migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: it names the PostgreSQL database to migrate.');
  process.exit(1);
}
const { applied, alreadyApplied } = await migrateDatabase(url);
console.log(
  applied.length > 0
    ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
    : `Database is up to date (${alreadyApplied.length} migration(s) applied earlier).`,
);
