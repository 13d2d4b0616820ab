import {
  domainLevelShares,
  levelCounts,
  levelRank,
  type OrganisationRow,
  type ReturnRow,
  standings,
} from "./aggregation";
import type { Charter, LevelId } from "./schema";

/**
 * The ICS roll-up: the same figures as a place summary, for every place of
 * a system side by side. System-wide organisations serve every place, so
 * they are a group of their own rather than counted in each place.
 */

export type PlaceRow = { id: number; name: string };
export const SYSTEM_WIDE = { id: 0, name: "System-wide organisations" };

function groups(places: readonly PlaceRow[], organisations: readonly OrganisationRow[]) {
  const all = [...places, SYSTEM_WIDE];
  return all
    .map((place) => ({
      place,
      organisations: organisations.filter((o) => (o.placeId ?? SYSTEM_WIDE.id) === place.id),
    }))
    .filter((g) => g.place.id !== SYSTEM_WIDE.id || g.organisations.length > 0);
}

/** Per place: how many organisations hold each level (with returns missing), and its heat-map row. */
export function placeRollup(
  charter: Charter,
  places: readonly PlaceRow[],
  organisations: readonly OrganisationRow[],
  returns: readonly ReturnRow[],
) {
  return groups(places, organisations).map(({ place, organisations: members }) => {
    const ids = new Set(members.map((o) => o.id));
    const own = returns.filter((r) => ids.has(r.organisationId));
    return {
      place,
      organisations: members.length,
      levelCounts: levelCounts(charter, standings(charter, members, own)),
      domains: domainLevelShares(charter, own),
    };
  });
}

/**
 * Per place and period: how many submitted, and how many held at least
 * `level`, from the level frozen with each submission (so a trend over many
 * months reads one row per return, not sixteen).
 */
export function placeTrend(
  charter: Charter,
  args: {
    places: readonly PlaceRow[];
    organisations: readonly OrganisationRow[];
    periods: ReadonlyArray<{ id: number; label: string }>;
    submitted: ReadonlyArray<{ organisationId: number; periodId: number; level: string | null }>;
    level: LevelId;
  },
) {
  const rank = levelRank(charter);
  return groups(args.places, args.organisations).map(({ place, organisations: members }) => {
    const ids = new Set(members.map((o) => o.id));
    return {
      place,
      points: args.periods.map((period) => {
        const returns = args.submitted.filter(
          (s) => s.periodId === period.id && ids.has(s.organisationId),
        );
        return {
          periodId: period.id,
          label: period.label,
          submitted: returns.length,
          atLevel: returns.filter((s) => rank(s.level) >= rank(args.level)).length,
        };
      }),
    };
  });
}
