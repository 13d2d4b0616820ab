import { getDb } from "~/models/db.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/http/refusal";
import { requirePlaceReader } from "~/auth/guards.server";
import { csvRows } from "~/utils/csv";
import { documentMarking } from "~/models/settings.server";
import { attachmentHeaders } from "~/http/downloads.server";
import { placeSummary } from "~/readers/place-summary.server";
import { placeComparison } from "~/readers/place-comparison.server";
import { cellWords } from "~/components/readers/StatusCell";
import { returnStateLabels } from "~/components/readers/ReturnsTable";

/**
 * The place summary's tables as CSV: the same figures as the page, for the
 * same readers (formula-like cells neutralised by csvRows).
 */
const summaryTables = {
  levels: (s: Summary) => [
    ["level", "self_assessed", "verified"],
    ...s.levelCounts.map((r) => [r.label, r.count, r.verified]),
  ],
  returns: (s: Summary) => [
    [
      "organisation",
      "type",
      "system_wide",
      "return",
      "last_change",
      "level",
      "verified_level",
      "since_previous",
      "newly_fulfilled",
      "no_longer_fulfilled",
      "timeliness",
    ],
    ...s.organisations.map((o) => [
      o.name,
      o.type,
      o.systemWide ? "yes" : "no",
      returnStateLabels[o.returnState],
      o.lastChangedAt ?? "",
      o.returnState === "submitted" ? o.level : "",
      o.returnState === "submitted" ? o.verifiedLevel : "",
      o.movement,
      o.newlyFulfilled.join(" "),
      o.lost.join(" "),
      o.timeliness ?? "",
    ]),
  ],
  coverage: (s: Summary) => [
    ["component", "title", "domain", "returns", "fulfilled", "verified"],
    ...s.coverage.map((c) => [
      c.componentId,
      c.title,
      c.domainNumber,
      c.returns,
      c.fulfilled,
      c.verified,
    ]),
  ],
};
type Summary = Awaited<ReturnType<typeof placeSummary>>;

/** The comparison matrix, filtered as on the page: one row per organisation, a column per component. */
function comparisonTable(c: Awaited<ReturnType<typeof placeComparison>>) {
  return [
    ["organisation", "type", "place", "level", ...c.components.map((x) => x.id)],
    ...c.rows.map((r) => [
      r.organisation.name,
      r.organisation.type,
      r.organisation.placeName,
      r.levelLabel,
      ...c.components.map((_, i) => (r.cells?.[i] ? cellWords(r.cells[i]) : "")),
    ]),
  ];
}

const tables = ["levels", "returns", "coverage", "comparison"] as const;

/** A last column, named in the header row, with the same value on every other row. */
const withColumn = (rows: Array<Array<string | number | null>>, name: string, value: string) =>
  rows.map((row, i) => [...row, i === 0 ? name : value]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  const url = new URL(request.url);
  const table = url.searchParams.get("table") ?? "";
  if (!tables.includes(table as (typeof tables)[number])) {
    throw refusal(404, `There is no such table: choose ${tables.join(", ")}.`);
  }
  let rows: Array<Array<string | number | null>>;
  let period: { label: string; provisional: string | null } | null;
  if (table === "comparison") {
    const comparison = await placeComparison(getDb(), place, url.searchParams);
    rows = comparisonTable(comparison);
    period = comparison.period;
  } else {
    const summary = await placeSummary(getDb(), place, url.searchParams.get("period"));
    rows = summaryTables[table as keyof typeof summaryTables](summary);
    period = summary.period;
  }
  // A month still open says so on every row, and demonstration data says so too (README, data exports).
  if (period?.provisional) rows = withColumn(rows, "provisional", period.provisional);
  const marking = await documentMarking(getDb());
  if (marking) rows = withColumn(rows, "data_marking", marking);
  return new Response(csvRows(rows), {
    headers: attachmentHeaders({
      fileName: `${place.name} ${table} ${period?.label ?? "no period"}.csv`,
      mediaType: "text/csv; charset=utf-8",
    }),
  });
}
