import { createDb } from '../client';
import { seedDatabase } from '../seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: it names the PostgreSQL database to seed.');
  process.exit(1);
}
const db = createDb(url);
const created = await seedDatabase(db, {
  samplePluginUrl: process.env.SAMPLE_PLUGIN_URL ?? 'http://127.0.0.1:5180',
});
console.log(`Seeded ${created} plugin(s); existing ones were left as they were.`);
await db.$disconnect();
