import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * The smallest world a migration test needs: a system, an organisation (no
 * place) and a draft self-assessment of an open May. Only columns every
 * migration since the first has had, so it serves a database migrated part way.
 */
export async function insertDraftMonth(db: Kysely<Database>) {
  const system = await db
    .insertInto("system")
    .values({ name: "ICS" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const org = await db
    .insertInto("organisation")
    .values({ system_id: system.id, place_id: null, name: "Trust", type: "nhs_trust" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const period = await db
    .insertInto("assessment_period")
    .values({
      system_id: system.id,
      label: "May",
      starts_on: "2026-05-01",
      ends_on: "2026-05-31",
      status: "open",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const assessment = await db
    .insertInto("assessment")
    .values({
      organisation_id: org.id,
      period_id: period.id,
      charter_version: "lsc-2021",
      status: "draft",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { system, org, period, assessment };
}
