// `npm run db:migrate`: brings the database named by DATABASE_URL up to date.
import { databaseConfig, describeDatabase } from "./config";
import { createDatabase } from "./dialect";
import { migrateToLatest } from "./migrator";

const config = databaseConfig();
const db = createDatabase(config);
try {
  const applied = await migrateToLatest(db);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(", ")}`
      : `${describeDatabase(config)} is up to date.`,
  );
} finally {
  await db.destroy();
}
