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

/**
 * The words every document and export made from this database carries on
 * every page or sheet while it holds the invented demonstration data, and
 * null on a real deployment (ADR 015): a forwarded file cannot pass invented
 * levels off as an organisation's own.
 */
export const DEMO_MARKING =
  "DEMONSTRATION DATA: invented for a demonstration. No figure here is a real organisation's.";

export async function documentMarking(db: Kysely<Database>): Promise<string | null> {
  return (await isDemoData(db)) ? DEMO_MARKING : null;
}
