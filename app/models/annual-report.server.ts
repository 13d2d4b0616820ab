import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { isFinalPeriod } from "../periods/phase";
import { dayAfter, type ReportingYear, yearBefore, yearBounds } from "../periods/reporting-year";
import { returnsOf } from "./aggregation.server";
import { listOrganisations } from "./organisations.server";
import { listPeriods, type Period } from "./periods.server";
import { listPlaces } from "./places.server";
import { frozenActions } from "./submission-snapshot.server";

/**
 * The rows behind an annual report: the scope's organisations, the two
 * periods compared (the year's latest final month, and the same month a year
 * before), their submitted returns, the actions open in the plans as sent
 * with them, and the practice shared within the year. Portable SQL only, the
 * same on SQLite and PostgreSQL.
 * The rows' types are the queries' own: the report's model (app/reports)
 * says what it takes, and the compiler checks the two meet where it is fed.
 */

export type ReportScopeRef = { kind: "organisation" | "place" | "system"; id: number };

/** The scope's name and system, or null when there is no such scope. */
export async function reportScope(db: Kysely<Database>, scope: ReportScopeRef) {
  const scoped = await scopeRow(db, scope);
  if (!scoped) return null;
  const system = await db
    .selectFrom("system")
    .select("name")
    .where("id", "=", scoped.systemId)
    .executeTakeFirstOrThrow();
  return { ...scoped, systemName: system.name };
}

async function scopeRow(db: Kysely<Database>, scope: ReportScopeRef) {
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

/**
 * The month a report states and the same month a year before. By default the
 * year's latest final month (closed to returns, or past its due date): a
 * board is never shown a month still being returned as if it were finished.
 * Asked for, the year's latest month even while open, marked provisional.
 * Also the year's latest month still open, so the report can say it is left out.
 */
export async function reportPeriods(
  db: Kysely<Database>,
  args: { systemId: number; year: ReportingYear; provisional: boolean; today: string },
) {
  const { startsOn, endsOn } = yearBounds(args.year);
  const all = await listPeriods(db, { systemId: args.systemId });
  const inYear = all.filter((p) => p.starts_on >= startsOn && p.starts_on <= endsOn);
  const finalInYear = inYear.filter((p) => isFinalPeriod(p, args.today));
  const now = (args.provisional ? inYear[0] : finalInYear[0]) ?? null;
  const shape = (p: Period) => ({
    id: p.id,
    label: p.label,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    dueOn: p.dueOn,
    final: isFinalPeriod(p, args.today),
  });
  const before = now ? all.find((p) => p.starts_on === yearBefore(now.starts_on)) : undefined;
  const open = inYear.find((p) => !isFinalPeriod(p, args.today));
  return {
    now: now ? shape(now) : null,
    before: before ? shape(before) : null,
    /** The year's newest month still open to returns, when the report leaves it out. */
    leftOut: open && open.id !== now?.id ? shape(open) : null,
  };
}

/**
 * The improvement plans as sent with the given returns: the actions in the
 * latest submission's frozen snapshot of each submitted assessment (a draft
 * or reopened month has none to give). A board reads what was true at the
 * month's end, not what the plan holds today (issue 19, ADR 041).
 */
export async function actionsAsSent(
  db: Kysely<Database>,
  args: { assessmentIds: readonly number[] },
) {
  if (!args.assessmentIds.length) return [];
  const rows = await db
    .selectFrom("assessment as a")
    .innerJoin("assessment_submission as s", "s.assessment_id", "a.id")
    .select(["a.id as assessmentId", "a.organisation_id as organisationId", "s.snapshot"])
    .where("a.id", "in", [...args.assessmentIds])
    .where("a.status", "=", "submitted")
    .where((eb) =>
      eb(
        "s.id",
        "=",
        eb
          .selectFrom("assessment_submission as latest")
          .select((l) => l.fn.max("latest.id").as("id"))
          .whereRef("latest.assessment_id", "=", "a.id"),
      ),
    )
    .orderBy("a.id")
    .execute();
  return rows.flatMap((row) =>
    frozenActions(row.snapshot).map((action) => ({
      organisationId: row.organisationId,
      ...action,
    })),
  );
}

/** The newest items the scope's organisations shared as good practice within the given days. */
export async function sharedPracticeOf(
  db: Kysely<Database>,
  args: { organisationIds: readonly number[]; limit: number; from: string; until: string },
) {
  if (!args.organisationIds.length) return [];
  const rows = await db
    .selectFrom("evidence_item as e")
    .innerJoin("organisation as o", "o.id", "e.organisation_id")
    .select(["e.id", "o.name as organisationName", "e.kind", "e.title", "e.shared_at as sharedAt"])
    .where("e.shared_at", "is not", null)
    .where("e.shared_at", ">=", args.from)
    .where("e.shared_at", "<", args.until)
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
  args: {
    scope: ReportScopeRef;
    year: ReportingYear;
    provisional: boolean;
    /** YYYY-MM-DD in the UK: which months are final, and the latest day actions are judged at. */
    today: string;
    sharedLimit: number;
  },
) {
  const scope = await reportScope(db, args.scope);
  if (!scope) return null;
  const organisations = await scopeOrganisations(db, scope);
  const ids = organisations.map((o) => o.id);
  const { now, before, leftOut } = await reportPeriods(db, {
    systemId: scope.systemId,
    year: args.year,
    provisional: args.provisional,
    today: args.today,
  });
  const returns = await returnsOf(db, {
    periodIds: [now?.id, before?.id].filter((id): id is number => id !== undefined),
    organisationIds: ids,
  });
  const returnsNow = returns.filter((r) => r.periodId === now?.id);
  const places =
    scope.kind === "system"
      ? (await listPlaces(db, { systemIds: [scope.id] })).map((p) => ({ id: p.id, name: p.name }))
      : [];
  return {
    scope,
    organisations,
    places,
    now,
    before,
    leftOut,
    returnsNow,
    returnsBefore: returns.filter((r) => r.periodId === before?.id),
    actions: await actionsAsSent(db, { assessmentIds: returnsNow.map((r) => r.assessmentId) }),
    // Practice shared within the year, up to the end of the month reported.
    sharedPractice: now
      ? await sharedPracticeOf(db, {
          organisationIds: ids,
          limit: args.sharedLimit,
          from: yearBounds(args.year).startsOn,
          until: dayAfter(now.endsOn),
        })
      : [],
  };
}
