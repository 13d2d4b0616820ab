import { loadCharter } from "../app/charter/content";
import { appConfig } from "../app/utils/env.server";
import { databaseConfig, describeDatabase } from "../db/config";
import { createDatabase } from "../db/dialect";
import { migrateToLatest } from "../db/migrator";
import { databaseIsEmpty, seedDemoData } from "../db/seed/demo-data";
import { DEMO_PASSWORD } from "../db/seed/demo-ics";
import { isDemoData } from "../app/models/settings.server";
import { hashPassword } from "../app/auth/password.server";
import { housekeepNow } from "./housekeeping";
import { demoDataRefusal } from "./demo-data-guard";

export type PreparedDatabase = {
  /** Where the data is, fit to print. */
  database: string;
  applied: string[];
  seeded: boolean;
  /** Whether the database holds demo data, seeded now or on an earlier start. */
  demoData: boolean;
  charterVersion: string;
};

/**
 * Everything that must hold before the first request: the charter content is
 * valid (a malformed file stops start-up here, naming the file and field), the
 * schema is current, and a new database gets the demo data, except on a real
 * deployment that has not opted in (then start-up stops before seeding).
 */
export async function prepareDatabase(options: {
  seedDemo: boolean;
  /** Why this is a real deployment that refuses demo data; null where demo data may be. */
  refuseDemoBecause: string | null;
}): Promise<PreparedDatabase> {
  const charter = loadCharter();
  const config = databaseConfig();
  const db = createDatabase(config);
  try {
    const applied = await migrateToLatest(db);
    const seeded = options.seedDemo && (await databaseIsEmpty(db));
    if (options.refuseDemoBecause && (seeded || (await isDemoData(db)))) {
      throw new Error(demoDataRefusal(options.refuseDemoBecause, seeded ? "seed" : "existing"));
    }
    if (seeded) {
      await seedDemoData(db, {
        charter,
        today: new Date(),
        evidenceDir: appConfig().evidence.dir,
        demoPasswordHash: await hashPassword(DEMO_PASSWORD),
      });
    }
    const demoData = await isDemoData(db);
    await housekeepNow(db);
    return {
      database: describeDatabase(config),
      applied,
      seeded,
      demoData,
      charterVersion: charter.version,
    };
  } finally {
    await db.destroy();
  }
}
