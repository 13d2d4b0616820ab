import { requiredPerDomain } from "./level-rule";
import type { Charter, LevelId } from "./schema";
import { computeLevel, type LevelResult } from "./scoring";
import type { ReviewState } from "./verification";

/**
 * The readers' figures (overview, comparison, place summary, ICS roll-up and
 * the annual report) as pure functions over plain rows, so every page and
 * document counts the same way and the counting is unit-tested here. One
 * model file (app/models/aggregation.server.ts) fetches the rows.
 *
 * A period's return is what an organisation has submitted: a draft, or a
 * month reopened and not yet submitted again, counts as "not yet submitted",
 * and no assessment at all as "no return". Levels are always computed from
 * the answers with computeLevel, never read from a stored level.
 */

export type ComponentStatus = "not_started" | "in_progress" | "fulfilled";

export type AnswerRow = { componentId: string; status: ComponentStatus; review: ReviewState };

export type ReturnRow = {
  organisationId: number;
  /** Submitted counts; a draft (never submitted, or reopened) does not yet. */
  state: "submitted" | "draft" | "reopened";
  lastChangedAt: string;
  answers: readonly AnswerRow[];
};

export type OrganisationRow = {
  id: number;
  name: string;
  type: string;
  /** Null for a system-wide organisation, which serves every place. */
  placeId: number | null;
};

/** How an organisation stands in a period: its return's state, and its levels when submitted. */
export type Standing = {
  organisationId: number;
  returnState: "submitted" | "draft" | "reopened" | "none";
  lastChangedAt: string | null;
  self: LevelResult | null;
  verified: LevelResult | null;
};

export const fulfilledIds = (answers: readonly AnswerRow[]) =>
  answers.filter((a) => a.status === "fulfilled").map((a) => a.componentId);

export const verifiedIds = (answers: readonly AnswerRow[]) =>
  answers
    .filter((a) => a.status === "fulfilled" && a.review === "verified")
    .map((a) => a.componentId);

export function standingOf(
  charter: Charter,
  organisationId: number,
  row: ReturnRow | undefined,
): Standing {
  if (!row) {
    return { organisationId, returnState: "none", lastChangedAt: null, self: null, verified: null };
  }
  const submitted = row.state === "submitted";
  return {
    organisationId,
    returnState: row.state,
    lastChangedAt: row.lastChangedAt,
    self: submitted ? computeLevel(charter, fulfilledIds(row.answers)) : null,
    verified: submitted ? computeLevel(charter, verifiedIds(row.answers)) : null,
  };
}

/** Every organisation's standing, in the organisations' order. */
export function standings(
  charter: Charter,
  organisations: readonly OrganisationRow[],
  returns: readonly ReturnRow[],
): Standing[] {
  const byOrganisation = new Map(returns.map((r) => [r.organisationId, r]));
  return organisations.map((o) => standingOf(charter, o.id, byOrganisation.get(o.id)));
}

/** The rows of a "how many hold each level" table: no return, not submitted, no level, then each level. */
export type LevelBucket = "no_return" | "not_submitted" | "no_level" | LevelId;

export function levelCounts(
  charter: Charter,
  all: readonly Standing[],
  which: "self" | "verified" = "self",
): Array<{ bucket: LevelBucket; count: number }> {
  const counts = new Map<LevelBucket, number>([
    ["no_return", 0],
    ["not_submitted", 0],
    ["no_level", 0],
    ...charter.levels.map((l) => [l.id, 0] as [LevelBucket, number]),
  ]);
  for (const s of all) {
    const bucket = bucketOf(s, which);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
}

export function bucketOf(s: Standing, which: "self" | "verified" = "self"): LevelBucket {
  if (s.returnState === "none") return "no_return";
  if (s.returnState !== "submitted") return "not_submitted";
  return s[which]?.level ?? "no_level";
}

/** Per component, of the submitted returns: how many fulfil it, and how many of those are verified. */
export function componentCoverage(charter: Charter, returns: readonly ReturnRow[]) {
  const submitted = returns.filter((r) => r.state === "submitted");
  return charter.domains.flatMap((domain) =>
    domain.components.map((component) => {
      const answers = submitted.map((r) => r.answers.find((a) => a.componentId === component.id));
      const fulfilled = answers.filter((a) => a?.status === "fulfilled");
      return {
        componentId: component.id,
        title: component.title,
        domainNumber: domain.number,
        returns: submitted.length,
        fulfilled: fulfilled.length,
        verified: fulfilled.filter((a) => a?.review === "verified").length,
      };
    }),
  );
}

export type Coverage = ReturnType<typeof componentCoverage>[number];

/** The components least often fulfilled (ties in charter order); none when nothing was returned. */
export function commonGaps(coverage: readonly Coverage[], limit: number): Coverage[] {
  return coverage
    .filter((c) => c.returns > 0 && c.fulfilled < c.returns)
    .map((c, index) => ({ c, index }))
    .sort((a, b) => a.c.fulfilled - b.c.fulfilled || a.index - b.index)
    .slice(0, limit)
    .map(({ c }) => c);
}

/**
 * Which single component, fulfilled next, would move the most organisations
 * up a level: for each organisation with a submitted return, each component
 * it has not fulfilled is tried. Components that move nobody are left out.
 */
export function nextLevelSteps(charter: Charter, returns: readonly ReturnRow[]) {
  const rank = levelRank(charter);
  // Which organisations each component would move: named on the page (issue 20, item 8).
  const movers = new Map<string, number[]>();
  for (const r of returns) {
    if (r.state !== "submitted") continue;
    const fulfilled = fulfilledIds(r.answers);
    const now = rank(computeLevel(charter, fulfilled).level);
    for (const domain of charter.domains) {
      for (const component of domain.components) {
        if (fulfilled.includes(component.id)) continue;
        if (rank(computeLevel(charter, [...fulfilled, component.id]).level) > now) {
          movers.set(component.id, [...(movers.get(component.id) ?? []), r.organisationId]);
        }
      }
    }
  }
  const order = charter.domains.flatMap((d) => d.components);
  return order
    .filter((c) => movers.has(c.id))
    .map((c) => ({
      componentId: c.id,
      title: c.title,
      organisations: movers.get(c.id)?.length ?? 0,
      organisationIds: movers.get(c.id) ?? [],
    }))
    .sort((a, b) => b.organisations - a.organisations);
}

/** 0 for no level, then 1, 2, … in the charter's order of levels. */
export function levelRank(charter: Charter): (level: LevelId | null | undefined) => number {
  const ids = charter.levels.map((l) => l.id);
  return (level) => (level ? ids.indexOf(level) + 1 : 0);
}

/**
 * What a period's standing gives a comparison. Two meanings that once shared
 * one empty value are kept apart: a submitted return below the first level
 * (`{ kind: "level", level: null }`, "no level yet") is a fact to compare
 * with; no submitted return (`not submitted` or `no return`) is not.
 */
export type Held =
  | { kind: "level"; level: LevelId | null }
  | { kind: "not submitted"; state: "draft" | "reopened" }
  | { kind: "no return" };

export function heldOf(standing: Standing): Held {
  if (standing.returnState === "none") return { kind: "no return" };
  if (standing.returnState !== "submitted")
    return { kind: "not submitted", state: standing.returnState };
  return { kind: "level", level: standing.self?.level ?? null };
}

/**
 * What changed for one organisation between two periods' standings and
 * answers. Comparable only when both are submitted returns: then it moved
 * up, down or stayed (no level yet counts as below the first level);
 * otherwise it is "not comparable", and `before` and `now` say why.
 */
export function changeSince(
  charter: Charter,
  now: { standing: Standing; answers: readonly AnswerRow[] },
  before: { standing: Standing; answers: readonly AnswerRow[] },
) {
  const rank = levelRank(charter);
  const heldNow = heldOf(now.standing);
  const heldBefore = heldOf(before.standing);
  const comparable = heldNow.kind === "level" && heldBefore.kind === "level";
  const movement = !comparable
    ? ("not comparable" as const)
    : rank(heldNow.level) > rank(heldBefore.level)
      ? ("up" as const)
      : rank(heldNow.level) < rank(heldBefore.level)
        ? ("down" as const)
        : ("same" as const);
  const fulfilledNow = new Set(comparable ? fulfilledIds(now.answers) : []);
  const fulfilledBefore = new Set(comparable ? fulfilledIds(before.answers) : []);
  return {
    organisationId: now.standing.organisationId,
    movement,
    now: heldNow,
    before: heldBefore,
    newlyFulfilled: [...fulfilledNow].filter((id) => !fulfilledBefore.has(id)),
    lost: [...fulfilledBefore].filter((id) => !fulfilledNow.has(id)),
  };
}

export type Change = ReturnType<typeof changeSince>;

/**
 * The ICS heat map: per domain and level, the share of organisations with a
 * submitted return that meet that level's rule in that domain (0 to 1; null
 * when none returned).
 */
export function domainLevelShares(charter: Charter, returns: readonly ReturnRow[]) {
  const submitted = returns.filter((r) => r.state === "submitted");
  return charter.domains.map((domain) => ({
    domainNumber: domain.number,
    title: domain.title,
    levels: charter.levels.map((level) => {
      const needed = requiredPerDomain(level.rule, domain.components.length);
      const meeting = submitted.filter(
        (r) =>
          r.answers.filter(
            (a) =>
              a.status === "fulfilled" && domain.components.some((c) => c.id === a.componentId),
          ).length >= needed,
      ).length;
      return {
        level: level.id,
        meeting,
        share: submitted.length ? meeting / submitted.length : null,
      };
    }),
  }));
}

/**
 * One organisation over periods (oldest first): its return, level and
 * fulfilled components per domain in each, for a trend table or chart.
 */
export function trend(
  charter: Charter,
  organisationId: number,
  periods: ReadonlyArray<{ id: number; label: string }>,
  returns: ReadonlyArray<ReturnRow & { periodId: number }>,
) {
  return periods.map((period) => {
    const standing = standingOf(
      charter,
      organisationId,
      returns.find((r) => r.periodId === period.id && r.organisationId === organisationId),
    );
    return {
      periodId: period.id,
      label: period.label,
      returnState: standing.returnState,
      level: standing.self?.level ?? null,
      verifiedLevel: standing.verified?.level ?? null,
      fulfilledByDomain: standing.self?.byDomain.map((d) => d.fulfilled) ?? null,
    };
  });
}

/** An action is overdue once its target date has passed without it being removed as done. */
export function isOverdue(targetDate: string | null, today: string): boolean {
  return targetDate !== null && targetDate !== "" && targetDate < today;
}

/** What each row of a "levels held" count is called on pages and in documents. */
export function bucketLabels(charter: Charter): Map<LevelBucket, string> {
  return new Map<LevelBucket, string>([
    ["no_return", "No return this period"],
    ["not_submitted", "Not yet submitted"],
    ["no_level", "No level yet"],
    ...charter.levels.map((l) => [l.id, l.name] as [LevelBucket, string]),
  ]);
}
