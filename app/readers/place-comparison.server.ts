import { bucketLabels, levelCounts, standings } from "~/charter/aggregation";
import { comparisonMatrix, readComparisonFilters } from "~/charter/comparison";
import { loadCharter } from "~/charter/content";
import { periodReturns } from "~/models/aggregation.server";
import { listOrganisations, organisationTypeLabels } from "~/models/organisations.server";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { readersPeriod, shownPeriod } from "~/readers/period.server";

type Place = { id: number; name: string; systemId: number };

/**
 * A place's organisations side by side for one period, filtered and sorted
 * as the address says. Also what the side-by-side view of a few of them needs.
 */
export async function placeComparison(
  db: Kysely<Database>,
  place: Place,
  params: URLSearchParams,
  options: { today?: string } = {},
) {
  const charter = loadCharter();
  const organisations = (
    await listOrganisations(db, { placeIds: [place.id], systemWideIn: [place.systemId] })
  ).map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    placeId: o.placeId,
    placeName: o.placeName ?? "System-wide",
  }));
  const ids = organisations.map((o) => o.id);
  const { chosen, unknownRequest, chooser, today } = await readersPeriod(db, {
    systemId: place.systemId,
    requested: params.get("period"),
    today: options.today,
  });
  const returns = chosen
    ? await periodReturns(db, { periodId: chosen.id, organisationIds: ids })
    : [];
  const labels = bucketLabels(charter);
  const buckets = levelCounts(charter, standings(charter, organisations, returns)).map(
    (c) => c.bucket,
  );
  const types = [...new Set(organisations.map((o) => o.type))];
  const filters = readComparisonFilters(params, {
    types,
    buckets,
    domains: charter.domains.map((d) => d.number),
  });
  const matrix = comparisonMatrix(charter, organisations, returns, filters);
  return {
    place: { id: place.id, name: place.name },
    periods: chooser,
    period: chosen
      ? shownPeriod(chosen, {
          today,
          submitted: returns.filter((r) => r.state === "submitted").length,
          total: organisations.length,
        })
      : null,
    unknownRequest,
    filters,
    options: {
      types: types.map((t) => ({ value: t, label: organisationTypeLabels[t] })),
      levels: buckets.map((b) => ({ value: b, label: labels.get(b) ?? b })),
      domains: charter.domains.map((d) => ({ value: d.number, label: `${d.number}. ${d.title}` })),
    },
    components: matrix.components,
    rows: matrix.rows.map((r) => ({
      ...r,
      typeLabel: organisationTypeLabels[r.organisation.type as keyof typeof organisationTypeLabels],
      levelLabel: labels.get(r.bucket) ?? r.bucket,
    })),
    organisationCount: organisations.length,
  };
}

export type PlaceComparison = Awaited<ReturnType<typeof placeComparison>>;
