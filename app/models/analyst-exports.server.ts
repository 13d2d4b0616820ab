import type { Kysely } from "kysely";
import type { Database, OrganisationType } from "../../db/schema";
import type { AnswerRow } from "../charter/aggregation";
import { periodDueOn } from "../periods/due-dates";
import { returnTimeliness, type Timeliness } from "../periods/phase";
import { submittedAnswersOf } from "./aggregation.server";

/** Whose returns an export reads, as organisation conditions (a place brings its system-wide organisations). */
export type ExportOrganisations =
  { systemId: number } | { placeId: number; systemId: number } | { organisationId: number };

/** One organisation's return for one period, with everything the analysts' datasets are built from. */
export type ExportReturn = {
  assessmentId: number;
  periodId: number;
  periodLabel: string;
  periodStartsOn: string;
  periodEndsOn: string;
  organisationId: number;
  organisationName: string;
  organisationType: OrganisationType;
  placeId: number | null;
  placeName: string | null;
  charterVersion: string;
  status: "draft" | "submitted";
  everSubmitted: boolean;
  submittedAt: string | null;
  updatedAt: string;
  /** When its return was due (the period's own date, else the system's rule). */
  dueOn: string;
  /** Its first submission, which its timeliness is judged by. */
  firstSubmittedAt: string | null;
  /** Against the due date, as the export is read (so "not yet due" may become "overdue"). */
  timeliness: Timeliness;
  answers: AnswerRow[];
  measures: ExportMeasure[];
  /** The return's outcome figures with the versions of the definitions they answered (ADR 040). */
  outcomes: ExportOutcome[];
};

export type ExportOutcome = {
  measureId: number;
  name: string;
  version: number;
  kind: "ratio" | "total";
  unit: string;
  frequency: "monthly" | "quarterly" | "yearly";
  numerator: number;
  denominator: number | null;
  source: string;
  note: string;
};

export type ExportMeasure = {
  evidenceId: number;
  componentId: string;
  title: string;
  value: number | null;
  unit: string | null;
  date: string | null;
};

/**
 * Every return in scope, a page at a time in assessment id order (keyset
 * paging, 100 returns a page: each page is three or four indexed queries however far in, and the
 * caller holds one page at a time, so a whole country's export runs in
 * constant memory on SQLite and PostgreSQL alike). A draft or reopened month
 * (for those who may know of it) comes with its state and dates only: its
 * answers and measures are read for submitted returns alone (issue 19).
 */
export async function* exportReturnPages(
  db: Kysely<Database>,
  args: {
    organisations: ExportOrganisations;
    periodId: number | null;
    submittedOnly: boolean;
    pageSize?: number;
  },
): AsyncGenerator<ExportReturn[]> {
  const pageSize = args.pageSize ?? 100;
  let after = 0;
  for (;;) {
    const started = performance.now();
    const rows = await returnsPage(db, { ...args, after, pageSize });
    if (!rows.length) return;
    after = rows[rows.length - 1]!.assessmentId;
    const ids = rows.map((r) => r.assessmentId);
    const [answers, measures, outcomes] = await Promise.all([
      submittedAnswersOf(db, ids),
      measuresOf(db, ids),
      outcomesOf(db, ids),
    ]);
    yield rows.map((r) => ({
      ...r,
      answers: answers.get(r.assessmentId) ?? [],
      measures: measures.get(r.assessmentId) ?? [],
      outcomes: outcomes.get(r.assessmentId) ?? [],
    }));
    if (rows.length < pageSize) return;
    // An export gives way to pages: it rests as long as its last page took (up to 100 ms)
    // (reading it and writing it out), so a person's page waits behind at
    // most one export page at each step, and no more than half the server's
    // time goes to downloads. better-sqlite3 answers synchronously, so
    // without this a download would hold the event loop back to back.
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, performance.now() - started)));
  }
}

async function returnsPage(
  db: Kysely<Database>,
  args: {
    organisations: ExportOrganisations;
    periodId: number | null;
    submittedOnly: boolean;
    after: number;
    pageSize: number;
  },
) {
  const scope = args.organisations;
  let query = db
    .selectFrom("assessment as a")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .leftJoin("place as pl", "pl.id", "o.place_id")
    .innerJoin("system as sy", "sy.id", "p.system_id")
    .select([
      "p.due_on as dueOnOverride",
      "sy.returns_due_working_day as workingDay",
      (eb) =>
        eb
          .selectFrom("assessment_submission as first")
          .select((inner) => inner.fn.min("first.submitted_at").as("at"))
          .whereRef("first.assessment_id", "=", "a.id")
          .as("firstSubmittedAt"),
      "a.id as assessmentId",
      "p.id as periodId",
      "p.label as periodLabel",
      "p.starts_on as periodStartsOn",
      "p.ends_on as periodEndsOn",
      "o.id as organisationId",
      "o.name as organisationName",
      "o.type as organisationType",
      "o.place_id as placeId",
      "pl.name as placeName",
      "a.charter_version as charterVersion",
      "a.status",
      "a.submitted_at as submittedAt",
      "a.updated_at as updatedAt",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("assessment_submission as s")
              .select("s.id")
              .whereRef("s.assessment_id", "=", "a.id"),
          )
          .as("everSubmitted"),
    ])
    .where("a.id", ">", args.after)
    .orderBy("a.id")
    .limit(args.pageSize);
  if ("organisationId" in scope) {
    query = query.where("o.id", "=", scope.organisationId);
  } else if ("placeId" in scope) {
    query = query
      .where("o.system_id", "=", scope.systemId)
      .where((eb) => eb.or([eb("o.place_id", "=", scope.placeId), eb("o.place_id", "is", null)]));
  } else {
    query = query.where("o.system_id", "=", scope.systemId);
  }
  if (args.periodId !== null) query = query.where("a.period_id", "=", args.periodId);
  if (args.submittedOnly) query = query.where("a.status", "=", "submitted");
  const rows = await query.execute();
  // pg answers EXISTS with a boolean, SQLite with 0 or 1.
  const now = new Date();
  return rows.map(({ dueOnOverride, workingDay, ...r }) => {
    const dueOn = periodDueOn({ endsOn: r.periodEndsOn, dueOnOverride }, { workingDay });
    const firstSubmittedAt = r.firstSubmittedAt ? String(r.firstSubmittedAt) : null;
    return {
      ...r,
      everSubmitted: Number(r.everSubmitted) > 0,
      submittedAt: r.submittedAt === null ? null : String(r.submittedAt),
      updatedAt: String(r.updatedAt),
      dueOn,
      firstSubmittedAt,
      timeliness: returnTimeliness({ firstSubmittedAt, dueOn, now }),
    };
  });
}

/**
 * The measures (evidence of kind "measure") behind each submitted assessment's
 * answers: a draft's or a reopened month's evidence is not a return's (issue 19).
 */
async function measuresOf(db: Kysely<Database>, assessmentIds: readonly number[]) {
  const rows = await db
    .selectFrom("component_evidence as ce")
    .innerJoin("component_answer as c", "c.id", "ce.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("evidence_item as e", "e.id", "ce.evidence_item_id")
    .select([
      "c.assessment_id as assessmentId",
      "c.component_id as componentId",
      "e.id as evidenceId",
      "e.title",
      "e.measure_value as value",
      "e.measure_unit as unit",
      "e.measure_date as date",
    ])
    .where("c.assessment_id", "in", [...assessmentIds])
    .where("a.status", "=", "submitted")
    .where("e.kind", "=", "measure")
    .orderBy("c.assessment_id")
    .orderBy("c.component_id")
    .orderBy("e.id")
    .execute();
  const byAssessment = new Map<number, ExportMeasure[]>();
  for (const { assessmentId, ...measure } of rows) {
    const list = byAssessment.get(assessmentId) ?? [];
    list.push({ ...measure, value: measure.value === null ? null : Number(measure.value) });
    byAssessment.set(assessmentId, list);
  }
  return byAssessment;
}

/** The outcome figures of each assessment, in the measures' order, with their definitions' versions. */
async function outcomesOf(db: Kysely<Database>, assessmentIds: readonly number[]) {
  const rows = await db
    .selectFrom("outcome_figure as f")
    // A draft's or reopened month's figures are not a return's (issue 19): submitted only.
    .innerJoin("assessment as a", "a.id", "f.assessment_id")
    .innerJoin("outcome_measure_version as v", "v.id", "f.measure_version_id")
    .innerJoin("outcome_measure as m", "m.id", "f.measure_id")
    .select([
      "f.assessment_id as assessmentId",
      "f.measure_id as measureId",
      "v.name",
      "v.version",
      "v.kind",
      "v.unit",
      "v.frequency",
      "f.numerator",
      "f.denominator",
      "f.source",
      "f.note",
    ])
    .where("f.assessment_id", "in", [...assessmentIds])
    .where("a.status", "=", "submitted")
    .orderBy("f.assessment_id")
    .orderBy("m.position")
    .orderBy("m.id")
    .execute();
  const byAssessment = new Map<number, ExportOutcome[]>();
  for (const { assessmentId, ...figure } of rows) {
    const list = byAssessment.get(assessmentId) ?? [];
    list.push({
      ...figure,
      numerator: Number(figure.numerator),
      denominator: figure.denominator === null ? null : Number(figure.denominator),
    });
    byAssessment.set(assessmentId, list);
  }
  return byAssessment;
}
