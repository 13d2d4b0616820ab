import type { Kysely } from "kysely";
import { DEMO_SETTING } from "../../db/seed/demo-data";
import type { Database } from "../../db/schema";

/** True while the database holds the invented demonstration data. */
export async function isDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("app_setting")
    .select("value")
    .where("key", "=", DEMO_SETTING)
    .executeTakeFirst();
  return row !== undefined;
}
