import {
  type Change,
  levelCounts,
  levelRank,
  type OrganisationRow,
  type Standing,
} from "~/charter/aggregation";
import { SYSTEM_WIDE } from "~/charter/rollup";
import type { Charter } from "~/charter/schema";

/**
 * The system report's summary by place, one row per place (system-wide
 * organisations as a group of their own, as the roll-up shows them): its
 * returns and the levels they hold, and the change since the same month a
 * year before. Counted from the same standings and changes as the rest of
 * the report, so the rows add up to its totals.
 */
export function placeSummaryRows(
  charter: Charter,
  args: {
    places: ReadonlyArray<{ id: number; name: string }>;
    organisations: readonly OrganisationRow[];
    now: readonly Standing[];
    before: readonly Standing[];
    changes: readonly Change[];
  },
) {
  const rank = levelRank(charter);
  const first = charter.levels[0]?.id;
  const groups = [...args.places, SYSTEM_WIDE]
    .map((place) => ({
      place,
      members: args.organisations
        .map((o, i) => ({ o, i }))
        .filter(({ o }) => (o.placeId ?? SYSTEM_WIDE.id) === place.id),
    }))
    .filter((g) => g.place.id !== SYSTEM_WIDE.id || g.members.length > 0);
  return groups.map(({ place, members }) => {
    const now = members.map(({ i }) => args.now[i]!);
    const before = members.map(({ i }) => args.before[i]!);
    const changes = members.map(({ i }) => args.changes[i]!);
    const atLevel = (list: Standing[]) =>
      list.filter((s) => s.returnState === "submitted" && rank(s.self?.level) >= rank(first))
        .length;
    const moved = (m: string) => changes.filter((c) => c.movement === m).length;
    return {
      name: place.name,
      organisations: members.length,
      submittedNow: now.filter((s) => s.returnState === "submitted").length,
      submittedBefore: before.filter((s) => s.returnState === "submitted").length,
      /** Buckets in the "levels held" order: no return, not submitted, no level, each level. */
      levels: levelCounts(charter, now).map((c) => ({ bucket: c.bucket, count: c.count })),
      atLevelNow: atLevel(now),
      atLevelBefore: atLevel(before),
      up: moved("up"),
      down: moved("down"),
      same: moved("same"),
      notComparable: moved("not comparable"),
    };
  });
}

export type PlaceSummaryRow = ReturnType<typeof placeSummaryRows>[number];
