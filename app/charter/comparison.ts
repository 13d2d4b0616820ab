import {
  bucketOf,
  type LevelBucket,
  type OrganisationRow,
  type ReturnRow,
  standingOf,
} from "./aggregation";
import type { Charter } from "./schema";
import type { ReviewState } from "./verification";

/**
 * The steering group's matrix: organisations against components, for peers
 * to learn from each other. Sorted by name, type or place, never by score:
 * NHS comparison tools show where each stands, not a league table.
 */

export const comparisonSorts = ["name", "type", "place"] as const;
export type ComparisonSort = (typeof comparisonSorts)[number];

export type ComparisonFilters = {
  type: string | null;
  level: LevelBucket | null;
  domain: number | null;
  sort: ComparisonSort;
};

export type Cell = {
  componentId: string;
  status: "fulfilled" | "in_progress" | "not_started";
  review: ReviewState;
};

export type ComparisonRow = {
  organisation: OrganisationRow & { placeName: string };
  bucket: LevelBucket;
  /** Only for a submitted return: a draft or a missing return has nothing to compare yet. */
  cells: Cell[] | null;
};

export function comparisonMatrix(
  charter: Charter,
  organisations: ReadonlyArray<OrganisationRow & { placeName: string }>,
  returns: readonly ReturnRow[],
  filters: ComparisonFilters,
): {
  components: Array<{ id: string; title: string; domainNumber: number }>;
  rows: ComparisonRow[];
} {
  const components = charter.domains
    .filter((d) => filters.domain === null || d.number === filters.domain)
    .flatMap((d) =>
      d.components.map((c) => ({ id: c.id, title: c.title, domainNumber: d.number })),
    );
  const byOrganisation = new Map(returns.map((r) => [r.organisationId, r]));
  const rows = organisations
    .map((organisation) => {
      const row = byOrganisation.get(organisation.id);
      const bucket = bucketOf(standingOf(charter, organisation.id, row));
      const submitted = row?.state === "submitted";
      return {
        organisation,
        bucket,
        cells: submitted
          ? components.map((c) => {
              const answer = row.answers.find((a) => a.componentId === c.id);
              return {
                componentId: c.id,
                status: answer?.status ?? "not_started",
                review: answer?.review ?? "not reviewed",
              };
            })
          : null,
      };
    })
    .filter((r) => filters.type === null || r.organisation.type === filters.type)
    .filter((r) => filters.level === null || r.bucket === filters.level);
  const key = (r: ComparisonRow) =>
    filters.sort === "type"
      ? [r.organisation.type, r.organisation.name]
      : filters.sort === "place"
        ? [r.organisation.placeName, r.organisation.name]
        : [r.organisation.name];
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i += 1) {
      const order = (ka[i] ?? "").localeCompare(kb[i] ?? "", "en-GB");
      if (order !== 0) return order;
    }
    return 0;
  });
  return { components, rows };
}

/** Reads the filters from a page's address; anything unrecognised means "all". */
export function readComparisonFilters(
  params: URLSearchParams,
  known: { types: readonly string[]; buckets: readonly string[]; domains: readonly number[] },
): ComparisonFilters {
  const type = params.get("type");
  const level = params.get("level");
  const domain = Number(params.get("domain"));
  const sort = params.get("sort");
  return {
    type: type && known.types.includes(type) ? type : null,
    level: level && known.buckets.includes(level) ? (level as LevelBucket) : null,
    domain: known.domains.includes(domain) ? domain : null,
    sort: comparisonSorts.includes(sort as ComparisonSort) ? (sort as ComparisonSort) : "name",
  };
}
