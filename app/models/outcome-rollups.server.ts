import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { PeriodTotal } from "../charter/outcomes";
import { isFinalPeriod } from "../periods/phase";
import { todayInUk } from "../utils/dates";
import { type Period, periodsWithIds } from "./periods.server";

/**
 * The outcome figures that count (ADR 040): only submitted returns, only in
 * final periods (closed, or past their due date: isFinalPeriod), as for
 * every reader's figure. Each function here applies that rule itself, in its
 * own SQL, to whatever periods it is asked for; none reads beyond them, so a
 * page asks for a fixed number of periods however long the history.
 */

/** Whose figures are summed: a system's organisations, a place's own, or named organisations. */
export type FigureScope =
  | { systemId: number }
  | { systemId: number; placeId: number }
  | { systemId: number; organisationIds: readonly number[] };

/** The periods among `periodIds` (of the system) whose figures count on `today`. */
export async function finalPeriodIds(
  db: Kysely<Database>,
  args: { systemId: number; periodIds: readonly number[]; today?: string },
): Promise<number[]> {
  const today = args.today ?? todayInUk();
  const periods = await periodsWithIds(db, { ids: args.periodIds });
  return periods.filter((p) => p.system_id === args.systemId && isFinal(p, today)).map((p) => p.id);
}

const isFinal = (p: Period, today: string) =>
  isFinalPeriod({ status: p.status, dueOn: p.dueOn }, today);

export type ScopeTotal = PeriodTotal & { measureId: number; placeId: number | null };

/**
 * Each measure's figures summed per period and version for the scope (and
 * per place, with `byPlace`): the sum of the parts and the sum of the wholes,
 * with how many organisations reported. Versions are never added together.
 */
export async function outcomeTotals(
  db: Kysely<Database>,
  args: {
    scope: FigureScope;
    measureIds: readonly number[];
    periodIds: readonly number[];
    byPlace?: boolean;
    today?: string;
  },
): Promise<ScopeTotal[]> {
  if (!args.measureIds.length || !args.periodIds.length) return [];
  if ("organisationIds" in args.scope && !args.scope.organisationIds.length) return [];
  const counted = await finalPeriodIds(db, {
    systemId: args.scope.systemId,
    periodIds: args.periodIds,
    today: args.today,
  });
  if (!counted.length) return [];
  let query = db
    .selectFrom("outcome_figure as f")
    .innerJoin("assessment as a", "a.id", "f.assessment_id")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .select((eb) => [
      "a.period_id as periodId",
      "f.measure_id as measureId",
      "f.measure_version_id as versionId",
      eb.fn.sum<number>("f.numerator").as("numerator"),
      eb.fn.sum<number | null>("f.denominator").as("denominator"),
      eb.fn.countAll<number>().as("reporting"),
    ])
    .where("a.period_id", "in", counted)
    .where("a.status", "=", "submitted")
    .where("f.measure_id", "in", [...args.measureIds])
    .where("o.system_id", "=", args.scope.systemId)
    .groupBy(["a.period_id", "f.measure_id", "f.measure_version_id"]);
  if ("placeId" in args.scope) query = query.where("o.place_id", "=", args.scope.placeId);
  if ("organisationIds" in args.scope)
    query = query.where("o.id", "in", [...args.scope.organisationIds]);
  const rows = args.byPlace
    ? await query.select("o.place_id as placeId").groupBy("o.place_id").execute()
    : (await query.execute()).map((r) => ({ ...r, placeId: null }));
  // pg answers sums of double precision as numbers and counts as strings; SQLite, numbers.
  return rows.map((r) => ({
    periodId: r.periodId,
    measureId: r.measureId,
    versionId: r.versionId,
    placeId: r.placeId ?? null,
    numerator: Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    reporting: Number(r.reporting),
  }));
}

export type OrganisationFigure = {
  organisationId: number;
  periodId: number;
  measureId: number;
  versionId: number;
  numerator: number;
  denominator: number | null;
  source: string;
  note: string;
  /** Submitted in a final period: it counts. Otherwise provisional, for those who read drafts. */
  counted: boolean;
  /** Why it does not count yet: its return is not submitted, or its period not final. */
  provisional: "not submitted" | "period not final" | null;
};

/**
 * Organisations' own figures in the given periods, each saying whether it
 * counts. `countedOnly` leaves out the rest in the SQL (for readers who see
 * submitted returns only).
 */
export async function organisationFigures(
  db: Kysely<Database>,
  args: {
    systemId: number;
    organisationIds: readonly number[];
    measureIds: readonly number[];
    periodIds: readonly number[];
    countedOnly: boolean;
    today?: string;
  },
): Promise<OrganisationFigure[]> {
  if (!args.organisationIds.length || !args.measureIds.length || !args.periodIds.length) return [];
  const final = new Set(
    await finalPeriodIds(db, {
      systemId: args.systemId,
      periodIds: args.periodIds,
      today: args.today,
    }),
  );
  const periodIds = args.countedOnly ? [...final] : [...args.periodIds];
  if (!periodIds.length) return [];
  let query = db
    .selectFrom("outcome_figure as f")
    .innerJoin("assessment as a", "a.id", "f.assessment_id")
    .select([
      "a.organisation_id as organisationId",
      "a.period_id as periodId",
      "a.status",
      "f.measure_id as measureId",
      "f.measure_version_id as versionId",
      "f.numerator",
      "f.denominator",
      "f.source",
      "f.note",
    ])
    .where("a.organisation_id", "in", [...args.organisationIds])
    .where("a.period_id", "in", periodIds)
    .where("f.measure_id", "in", [...args.measureIds]);
  if (args.countedOnly) query = query.where("a.status", "=", "submitted");
  const rows = await query.execute();
  return rows.map(({ status, ...r }) => {
    const provisional =
      status !== "submitted"
        ? ("not submitted" as const)
        : !final.has(r.periodId)
          ? ("period not final" as const)
          : null;
    return {
      ...r,
      numerator: Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
      counted: provisional === null,
      provisional,
    };
  });
}
