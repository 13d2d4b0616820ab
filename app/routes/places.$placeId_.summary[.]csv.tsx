import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/http/refusal";
import { requirePlaceReader } from "~/utils/auth.server";
import { csvRows } from "~/utils/csv";
import { attachmentHeaders } from "~/utils/downloads.server";
import { placeSummary } from "./places.$placeId.server";
import { returnStateLabels } from "~/components/readers/ReturnsTable";

/**
 * The place summary's tables as CSV: the same figures as the page, for the
 * same readers (formula-like cells neutralised by csvRows).
 */
const tables = {
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  const url = new URL(request.url);
  const table = url.searchParams.get("table") ?? "";
  if (!Object.hasOwn(tables, table)) {
    throw refusal(404, "There is no such table: choose levels, returns or coverage.");
  }
  const summary = await placeSummary(place, url.searchParams.get("period"));
  const rows = tables[table as keyof typeof tables](summary);
  const period = summary.period?.label ?? "no period";
  return new Response(csvRows(rows), {
    headers: attachmentHeaders({
      fileName: `${place.name} ${table} ${period}.csv`,
      mediaType: "text/csv; charset=utf-8",
    }),
  });
}
