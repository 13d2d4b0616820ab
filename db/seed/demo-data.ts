import type { Kysely, Transaction } from "kysely";
import { recentMonthlyPeriods } from "../../app/utils/periods";
import type { ComponentStatus, Database } from "../schema";
import { demoAccounts, demoOrganisations, demoPlaces, demoSystemName } from "./demo-ics";

export type DemoSeedOptions = {
  charterVersion: string;
  componentIds: readonly string[];
  today: Date;
  /** How many monthly periods to fill, ending with the current month. */
  months?: number;
  /** The hash of DEMO_PASSWORD, shared by the demo accounts (hashed once: it is slow on purpose). */
  demoPasswordHash: string;
};

/** Deterministic, so every fresh demo shows the same picture. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True once demo data has been loaded; the layout shows a banner while it is. */
export const DEMO_SETTING = "demo_data_loaded_at";

export async function databaseIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("system").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the demo ICS: places, organisations, monthly periods (the current one
 * open) and assessments whose progress grows month by month, in one
 * transaction so a failed seed leaves nothing half-written.
 */
export async function seedDemoData(db: Kysely<Database>, options: DemoSeedOptions) {
  const periods = recentMonthlyPeriods(options.today, options.months ?? 6);
  await db.transaction().execute(async (trx) => {
    const system = await trx
      .insertInto("system")
      .values({ name: demoSystemName })
      .returning("id")
      .executeTakeFirstOrThrow();

    const placeIds = new Map<string, number>();
    for (const name of demoPlaces) {
      const place = await trx
        .insertInto("place")
        .values({ system_id: system.id, name })
        .returning("id")
        .executeTakeFirstOrThrow();
      placeIds.set(name, place.id);
    }

    const organisationIds = new Map<string, number>();
    const periodIds: number[] = [];
    for (const [index, period] of periods.entries()) {
      const row = await trx
        .insertInto("assessment_period")
        .values({
          system_id: system.id,
          label: period.label,
          starts_on: period.startsOn,
          ends_on: period.endsOn,
          status: index === periods.length - 1 ? "open" : "closed",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      periodIds.push(row.id);
    }

    for (const [index, org] of demoOrganisations.entries()) {
      const organisation = await trx
        .insertInto("organisation")
        .values({
          system_id: system.id,
          place_id: org.place ? (placeIds.get(org.place) ?? null) : null,
          name: org.name,
          type: org.type,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      organisationIds.set(org.name, organisation.id);
      await seedOrganisationHistory(trx, organisation.id, periodIds, index, options);
    }

    for (const account of demoAccounts) {
      const user = await trx
        .insertInto("app_user")
        .values({
          email: account.email,
          name: account.name,
          password_hash: options.demoPasswordHash,
          is_demo: 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const scope = account.scope ?? "";
      await trx
        .insertInto("role_assignment")
        .values({
          user_id: user.id,
          role: account.role,
          organisation_id: account.role === "champion" ? mustFind(organisationIds, scope) : null,
          place_id:
            account.role === "place_lead" || account.role === "steering_member"
              ? mustFind(placeIds, scope)
              : null,
          system_id:
            account.role === "admin" || account.role === "system_reader" ? system.id : null,
        })
        .execute();
    }

    await trx
      .insertInto("app_setting")
      .values({ key: DEMO_SETTING, value: options.today.toISOString() })
      .execute();
  });
}

function mustFind(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`Demo account refers to unknown "${name}"`);
  return id;
}

async function seedOrganisationHistory(
  trx: Transaction<Database>,
  organisationId: number,
  periodIds: number[],
  orgIndex: number,
  options: DemoSeedOptions,
) {
  const random = mulberry32(orgIndex + 1);
  // Each organisation joins at some month and fulfils a little more each month.
  const joinsAt = Math.floor(random() * 3);
  const pace = 0.05 + random() * 0.15;
  const evidenceIds = new Map<string, number>();
  let readiness = random() * 0.3;

  for (const [periodIndex, periodId] of periodIds.entries()) {
    if (periodIndex < joinsAt) continue;
    readiness = Math.min(1, readiness + pace);
    const isCurrent = periodIndex === periodIds.length - 1;
    // In the open month some organisations have not started and some are mid-way.
    if (isCurrent && random() < 0.2) continue;
    const submitted = !isCurrent || random() < 0.3;
    const assessment = await trx
      .insertInto("assessment")
      .values({
        organisation_id: organisationId,
        period_id: periodId,
        charter_version: options.charterVersion,
        status: submitted ? "submitted" : "draft",
        submitted_at: submitted ? new Date(options.today.getTime()).toISOString() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    for (const componentId of options.componentIds) {
      const roll = random();
      const status: ComponentStatus =
        roll < readiness ? "fulfilled" : roll < readiness + 0.25 ? "in_progress" : "not_started";
      const answer = await trx
        .insertInto("component_answer")
        .values({
          assessment_id: assessment.id,
          component_id: componentId,
          status,
          opportunities:
            status === "fulfilled"
              ? ""
              : `Demonstration data: planned next steps for component ${componentId}.`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (status !== "fulfilled") continue;
      // The same evidence item carries forward from month to month.
      let evidenceId = evidenceIds.get(componentId);
      if (evidenceId === undefined) {
        const evidence = await trx
          .insertInto("evidence_item")
          .values({
            organisation_id: organisationId,
            kind: "narrative",
            title: `Demonstration evidence for component ${componentId}`,
            body: "Invented for demonstration. This is not a real organisation's evidence.",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        evidenceId = evidence.id;
        evidenceIds.set(componentId, evidenceId);
      }
      await trx
        .insertInto("component_evidence")
        .values({ component_answer_id: answer.id, evidence_item_id: evidenceId })
        .execute();
    }
  }
}
