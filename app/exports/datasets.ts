import { fulfilledIds, standingOf, verifiedIds } from "../charter/aggregation";
import { figureValue } from "../charter/outcomes";
import type { Charter } from "../charter/schema";
import type { ExportReturn } from "../models/analyst-exports.server";

/**
 * The analysts' datasets: stable column names (documented in README's data
 * dictionary; tests/unit/exports/datasets.test.ts holds them to it) and one
 * function per dataset turning a return into its rows. Levels come from the
 * aggregation layer (standingOf), so an export counts exactly as the pages do.
 * Pure: no database, no Remix.
 */

export type Cell = string | number | boolean | null;
export type ColumnType = "integer" | "number" | "text" | "date" | "datetime" | "boolean";
export type Column = { name: string; type: ColumnType };

export type Dataset = {
  id: DatasetId;
  title: string;
  description: string;
  columns: (charter: Charter) => Column[];
  rows: (charter: Charter, r: ExportReturn) => Cell[][];
};

export const datasetIds = ["returns", "components", "measures", "outcomes"] as const;
export type DatasetId = (typeof datasetIds)[number];

const col = (name: string, type: ColumnType): Column => ({ name, type });

/** Who and when, at the start of every dataset's rows. */
const keyColumns: Column[] = [
  col("period_id", "integer"),
  col("period_label", "text"),
  col("period_start", "date"),
  col("period_end", "date"),
  col("organisation_id", "integer"),
  col("organisation_name", "text"),
  col("organisation_type", "text"),
  col("place_id", "integer"),
  col("place_name", "text"),
  col("return_state", "text"),
];

function keyCells(r: ExportReturn): Cell[] {
  return [
    r.periodId,
    r.periodLabel,
    r.periodStartsOn,
    r.periodEndsOn,
    r.organisationId,
    r.organisationName,
    r.organisationType,
    r.placeId,
    r.placeName,
    returnState(r),
  ];
}

/** As the aggregation layer words it: a reopened month is not submitted until it is submitted again. */
export function returnState(r: Pick<ExportReturn, "status" | "everSubmitted">) {
  return r.status === "submitted" ? "submitted" : r.everSubmitted ? "reopened" : "draft";
}

/**
 * A stored time as ISO 8601 in UTC. Times are kept as text: ISO from the app,
 * `2026-11-25 10:42:00` from SQLite's CURRENT_TIMESTAMP, and
 * `2026-11-25 10:42:00.123+00` from PostgreSQL's.
 */
export function isoInstant(value: string | null): string | null {
  if (value === null || value === "") return null;
  let text = value.trim().replace(" ", "T");
  if (/[+-]\d\d$/.test(text)) text += ":00";
  else if (!/[zZ]$|[+-]\d\d:?\d\d$/.test(text)) text += "Z";
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}

const returns: Dataset = {
  id: "returns",
  title: "Returns and levels",
  description:
    "One row per organisation per period: its return, its self-assessed and verified levels, and counts by status and domain.",
  columns: (charter) => [
    ...keyColumns,
    col("submitted_at", "datetime"),
    col("last_changed_at", "datetime"),
    col("charter_version", "text"),
    col("level_self_assessed", "text"),
    col("level_verified", "text"),
    col("components_total", "integer"),
    col("components_fulfilled", "integer"),
    col("components_verified", "integer"),
    col("components_in_progress", "integer"),
    col("components_not_started", "integer"),
    col("measures", "integer"),
    ...charter.domains.flatMap((d) => [
      col(`domain_${d.number}_fulfilled`, "integer"),
      col(`domain_${d.number}_verified`, "integer"),
    ]),
    col("due_on", "date"),
    col("first_submitted_at", "datetime"),
    col("timeliness", "text"),
  ],
  rows: (charter, r) => {
    const standing = standingOf(charter, r.organisationId, {
      organisationId: r.organisationId,
      state: returnState(r),
      lastChangedAt: r.updatedAt,
      answers: r.answers,
    });
    const fulfilled = new Set(fulfilledIds(r.answers));
    const verified = new Set(verifiedIds(r.answers));
    const countStatus = (status: string) => r.answers.filter((a) => a.status === status).length;
    return [
      [
        ...keyCells(r),
        isoInstant(r.submittedAt),
        isoInstant(r.updatedAt),
        r.charterVersion,
        standing.self?.level ?? null,
        standing.verified?.level ?? null,
        r.answers.length,
        fulfilled.size,
        verified.size,
        countStatus("in_progress"),
        countStatus("not_started"),
        r.measures.length,
        ...charter.domains.flatMap((d) => [
          d.components.filter((c) => fulfilled.has(c.id)).length,
          d.components.filter((c) => verified.has(c.id)).length,
        ]),
        r.dueOn,
        isoInstant(r.firstSubmittedAt),
        r.timeliness.replace(/-/g, "_"),
      ],
    ];
  },
};

const components: Dataset = {
  id: "components",
  title: "Component statuses",
  description:
    "One row per component per organisation per period: its status and whether a review verifies it.",
  columns: () => [
    ...keyColumns,
    col("component_id", "text"),
    col("domain_number", "integer"),
    col("component_status", "text"),
    col("review_state", "text"),
    col("verified", "boolean"),
  ],
  rows: (_charter, r) => {
    const key = keyCells(r);
    return r.answers.map((a) => [
      ...key,
      a.componentId,
      Number(a.componentId.split(".")[0]),
      a.status,
      a.review.replace(/ /g, "_"),
      a.status === "fulfilled" && a.review === "verified",
    ]);
  },
};

const measures: Dataset = {
  id: "measures",
  title: "Measures",
  description:
    "One row per measure given as evidence for a component, per organisation per period.",
  columns: () => [
    ...keyColumns,
    col("component_id", "text"),
    col("evidence_id", "integer"),
    col("measure_title", "text"),
    col("measure_value", "number"),
    col("measure_unit", "text"),
    col("measure_date", "date"),
  ],
  rows: (_charter, r) => {
    const key = keyCells(r);
    return r.measures.map((m) => [
      ...key,
      m.componentId,
      m.evidenceId,
      m.title,
      m.value,
      m.unit,
      m.date,
    ]);
  },
};

const outcomes: Dataset = {
  id: "outcomes",
  title: "Outcome figures",
  description:
    "One row per outcome measure figure per organisation per period, with the version of the definition it answered.",
  columns: () => [
    ...keyColumns,
    col("outcome_measure_id", "integer"),
    col("outcome_measure_name", "text"),
    col("outcome_definition_version", "integer"),
    col("outcome_kind", "text"),
    col("outcome_unit", "text"),
    col("outcome_frequency", "text"),
    col("outcome_numerator", "number"),
    col("outcome_denominator", "number"),
    col("outcome_value", "number"),
    col("outcome_source", "text"),
    col("outcome_note", "text"),
  ],
  rows: (_charter, r) => {
    const key = keyCells(r);
    return r.outcomes.map((o) => [
      ...key,
      o.measureId,
      o.name,
      o.version,
      o.kind,
      o.unit,
      o.frequency,
      o.numerator,
      o.denominator,
      figureValue(o.kind, o.numerator, o.denominator),
      o.source,
      o.note,
    ]);
  },
};

export const datasets: Record<DatasetId, Dataset> = { returns, components, measures, outcomes };

export const isDatasetId = (value: string): value is DatasetId =>
  (datasetIds as readonly string[]).includes(value);
