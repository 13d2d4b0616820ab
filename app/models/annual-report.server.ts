import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { returnsOf } from "./aggregation.server";
import { listOrganisations } from "./organisations.server";

/**
 * The rows behind an annual report: the scope's organisations, the two
 * periods compared (the year's newest month with a submitted return, and the
 * same month a year before), their returns, the open actions and the newest
 * shared practice. Portable SQL only, the same on SQLite and PostgreSQL.
 * The rows' types are the queries' own: the report's model (app/reports)
 * says what it takes, and the compiler checks the two meet where it is fed.
 */

export type ReportScopeRef = { kind: "organisation" | "place" | "system"; id: number };

/** The scope's name and system, or null when there is no such scope. */
export async function reportScope(db: Kysely<Database>, scope: ReportScopeRef) {
  const row =
    scope.kind === "system"
      ? await db
          .selectFrom("system")
          .select(["id", "name", "id as systemId"])
          .where("id", "=", scope.id)
          .executeTakeFirst()
      : scope.kind === "place"
        ? await db
            .selectFrom("place")
            .select(["id", "name", "system_id as systemId"])
            .where("id", "=", scope.id)
            .executeTakeFirst()
        : await db
            .selectFrom("organisation")
            .select(["id", "name", "system_id as systemId"])
            .where("id", "=", scope.id)
            .executeTakeFirst();
  return row ? { kind: scope.kind, id: row.id, name: row.name, systemId: row.systemId } : null;
}

/** A place's report covers its own organisations and the system-wide ones that serve it. */
export async function scopeOrganisations(
  db: Kysely<Database>,
  scope: ReportScopeRef & { systemId: number },
) {
  const rows = await listOrganisations(
    db,
    scope.kind === "system"
      ? { systemIds: [scope.id] }
      : scope.kind === "place"
        ? { placeIds: [scope.id], systemWideIn: [scope.systemId] }
        : { organisationIds: [scope.id] },
  );
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    placeId: o.placeId,
    placeName: o.placeName,
  }));
}

/** The year's newest month with a submitted return (else its newest month), and that month a year before. */
export async function reportPeriods(
  db: Kysely<Database>,
  args: { systemId: number; year: number; organisationIds: readonly number[] },
) {
  const inYear = db
    .selectFrom("assessment_period as p")
    .select(["p.id", "p.label", "p.starts_on as startsOn"])
    .where("p.system_id", "=", args.systemId)
    .where("p.starts_on", ">=", `${args.year}-01-01`)
    .where("p.starts_on", "<=", `${args.year}-12-31`)
    .orderBy("p.starts_on", "desc")
    .limit(1);
  const withReturn = args.organisationIds.length
    ? await inYear
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("assessment as a")
              .select("a.id")
              .whereRef("a.period_id", "=", "p.id")
              .where("a.status", "=", "submitted")
              .where("a.organisation_id", "in", [...args.organisationIds]),
          ),
        )
        .executeTakeFirst()
    : undefined;
  const now = withReturn ?? (await inYear.executeTakeFirst()) ?? null;
  if (!now) return { now: null, before: null };
  const yearBefore = `${args.year - 1}${now.startsOn.slice(4)}`;
  const before =
    (await db
      .selectFrom("assessment_period")
      .select(["id", "label", "starts_on as startsOn"])
      .where("system_id", "=", args.systemId)
      .where("starts_on", "=", yearBefore)
      .executeTakeFirst()) ?? null;
  return { now, before };
}

/** The open actions of the given assessments (done actions are removed, so every row is open). */
export async function openActions(
  db: Kysely<Database>,
  args: { assessmentIds: readonly number[] },
) {
  if (!args.assessmentIds.length) return [];
  return db
    .selectFrom("progression_action as pa")
    .innerJoin("component_answer as ca", "ca.id", "pa.component_answer_id")
    .innerJoin("assessment as a", "a.id", "ca.assessment_id")
    .select([
      "a.organisation_id as organisationId",
      "ca.component_id as componentId",
      "pa.description",
      "pa.owner",
      "pa.target_date as targetDate",
    ])
    .where("ca.assessment_id", "in", [...args.assessmentIds])
    .orderBy("pa.id")
    .execute();
}

/** The newest items the scope's organisations shared as good practice. */
export async function sharedPracticeOf(
  db: Kysely<Database>,
  args: { organisationIds: readonly number[]; limit: number },
) {
  if (!args.organisationIds.length) return [];
  const rows = await db
    .selectFrom("evidence_item as e")
    .innerJoin("organisation as o", "o.id", "e.organisation_id")
    .select(["e.id", "o.name as organisationName", "e.kind", "e.title", "e.shared_at as sharedAt"])
    .where("e.shared_at", "is not", null)
    .where("e.organisation_id", "in", [...args.organisationIds])
    .orderBy("e.shared_at", "desc")
    .orderBy("e.id", "desc")
    .limit(args.limit)
    .execute();
  if (!rows.length) return [];
  const cited = await db
    .selectFrom("component_evidence as ce")
    .innerJoin("component_answer as c", "c.id", "ce.component_answer_id")
    .select(["ce.evidence_item_id as itemId", "c.component_id as componentId"])
    .where(
      "ce.evidence_item_id",
      "in",
      rows.map((r) => r.id),
    )
    .groupBy(["ce.evidence_item_id", "c.component_id"])
    .execute();
  return rows.map((r) => ({
    organisationName: r.organisationName,
    kind: r.kind,
    title: r.title,
    sharedAt: String(r.sharedAt),
    componentIds: cited
      .filter((c) => c.itemId === r.id)
      .map((c) => c.componentId)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
  }));
}

/** Everything the report model needs, read in a handful of queries whatever the scope's size. */
export async function annualReportRows(
  db: Kysely<Database>,
  args: { scope: ReportScopeRef; year: number; sharedLimit: number },
) {
  const scope = await reportScope(db, args.scope);
  if (!scope) return null;
  const organisations = await scopeOrganisations(db, scope);
  const ids = organisations.map((o) => o.id);
  const { now, before } = await reportPeriods(db, {
    systemId: scope.systemId,
    year: args.year,
    organisationIds: ids,
  });
  const returns = await returnsOf(db, {
    periodIds: [now?.id, before?.id].filter((id): id is number => id !== undefined),
    organisationIds: ids,
  });
  const returnsNow = returns.filter((r) => r.periodId === now?.id);
  return {
    scope,
    organisations,
    now,
    before,
    returnsNow,
    returnsBefore: returns.filter((r) => r.periodId === before?.id),
    actions: await openActions(db, { assessmentIds: returnsNow.map((r) => r.assessmentId) }),
    sharedPractice: await sharedPracticeOf(db, { organisationIds: ids, limit: args.sharedLimit }),
  };
}
