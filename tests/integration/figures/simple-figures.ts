import { readFileSync } from "node:fs";
import path from "node:path";
import { type History, type Month, monthDates, stillCovers } from "./history";

/**
 * The figures of a generated history, worked out a second time, deliberately
 * plainly, from the charter's words and the README's definitions, and from
 * the generated history rather than the database: the charter file is read
 * as raw JSON, and no app code is imported. If this and the app disagree,
 * one of them is wrong.
 *
 * - A level is held when every domain has enough fulfilled components:
 *   "one" (atLeast 1), "two" (atLeast 2, capped at the domain's size),
 *   "over half", "all".
 * - A return counts only once submitted: a draft, or a month reopened and not
 *   submitted again, is "not yet submitted" and no figure reads its answers.
 * - A verified component is fulfilled and its newest review says verified,
 *   of the answer's version, with the same evidence (or none kept).
 * - Readers see by default the newest month closed or past its due date,
 *   else the newest; their comparison is with the month before it.
 * - The annual report states the year's newest final month (or the newest,
 *   when a provisional one is asked for) against the same month a year
 *   before; its actions are those sent with the latest submission, overdue
 *   when their target date fell on or before the month's last day (and
 *   before today).
 */

type RawCharter = {
  domains: Array<{ number: number; components: Array<{ id: string }> }>;
  levels: Array<{ id: string; name: string; rule: { kind: string; count?: number } }>;
};

export const rawCharter = JSON.parse(
  readFileSync(path.resolve(process.cwd(), "content/charter/lsc-2021.json"), "utf8"),
) as RawCharter;
export const componentIds = rawCharter.domains.flatMap((d) => d.components.map((c) => c.id));

function needed(rule: RawCharter["levels"][number]["rule"], size: number) {
  if (rule.kind === "all") return size;
  if (rule.kind === "overHalf") return Math.floor(size / 2) + 1;
  return Math.min(rule.count!, size);
}

/** The highest level held, from the fulfilled components' indexes; null below the first. */
export function simpleLevel(fulfilled: ReadonlySet<number>): string | null {
  let index = 0;
  const perDomain = rawCharter.domains.map((d) => {
    const count = d.components.filter((_, i) => fulfilled.has(index + i)).length;
    index += d.components.length;
    return { count, size: d.components.length };
  });
  let held: string | null = null;
  for (const level of rawCharter.levels) {
    if (perDomain.every((d) => d.count >= needed(level.rule, d.size))) held = level.id;
    else break;
  }
  return held;
}

const rank = (level: string | null) =>
  level === null ? 0 : rawCharter.levels.findIndex((l) => l.id === level) + 1;
const levelName = (level: string | null) =>
  rawCharter.levels.find((l) => l.id === level)?.name ?? "No level yet";

export type State = "none" | "draft" | "reopened" | "submitted";

export function simpleFigures(history: History) {
  const stateOf = (o: number, m: number): State => {
    const kind = history.returns[o]![m]!.kind;
    return kind === "resubmitted" ? "submitted" : kind;
  };
  const fulfilledOf = (o: number, m: number, verifiedOnly: boolean) => {
    const set = new Set<number>();
    if (stateOf(o, m) !== "submitted") return set;
    history.returns[o]![m]!.answers.forEach((a, c) => {
      const latest = a.reviews[a.reviews.length - 1];
      const verified = latest?.verdict === "verified" && stillCovers(latest);
      if (a.status === "fulfilled" && (!verifiedOnly || verified)) set.add(c);
    });
    return set;
  };
  const standing = (o: number, m: number | null) => {
    const state = m === null ? "none" : stateOf(o, m);
    const submitted = state === "submitted";
    return {
      state,
      self: submitted ? simpleLevel(fulfilledOf(o, m!, false)) : null,
      verified: submitted ? simpleLevel(fulfilledOf(o, m!, true)) : null,
    };
  };
  const bucket = (s: ReturnType<typeof standing>, which: "self" | "verified") =>
    s.state === "none"
      ? "no_return"
      : s.state !== "submitted"
        ? "not_submitted"
        : (s[which] ?? "no_level");
  const bucketLabel = (b: string) =>
    ({
      no_return: "No return this period",
      not_submitted: "Not yet submitted",
      no_level: "No level yet",
    })[b] ?? levelName(b);
  const movement = (o: number, now: number | null, before: number | null) => {
    const a = standing(o, now);
    const b = standing(o, before);
    if (a.state !== "submitted" || b.state !== "submitted") return "not comparable";
    return rank(a.self) > rank(b.self) ? "up" : rank(a.self) < rank(b.self) ? "down" : "same";
  };
  /** Components fulfilled now and not before, and the other way: only when the two compare. */
  const changed = (o: number, now: number | null, before: number | null) => {
    if (movement(o, now, before) === "not comparable") return { newlyFulfilled: [], lost: [] };
    const a = fulfilledOf(o, now!, false);
    const b = fulfilledOf(o, before!, false);
    const ids = (set: Set<number>, without: Set<number>) =>
      [...set].filter((c) => !without.has(c)).map((c) => componentIds[c]!);
    return { newlyFulfilled: ids(a, b), lost: ids(b, a) };
  };
  const counts = (orgs: number[], m: number | null, which: "self" | "verified") => {
    const result: Record<string, number> = {};
    for (const b of [
      "no_return",
      "not_submitted",
      "no_level",
      ...rawCharter.levels.map((l) => l.id),
    ])
      result[b] = orgs.filter((o) => bucket(standing(o, m), which) === b).length;
    return result;
  };
  const coverage = (orgs: number[], m: number | null) =>
    componentIds.map((componentId, c) => {
      const submitted = orgs.filter((o) => m !== null && stateOf(o, m) === "submitted");
      return {
        componentId,
        returns: submitted.length,
        fulfilled: submitted.filter((o) => fulfilledOf(o, m!, false).has(c)).length,
        verified: submitted.filter((o) => fulfilledOf(o, m!, true).has(c)).length,
      };
    });
  const isFinal = (month: Month) =>
    month.status === "closed" || history.today > monthDates(month).dueOn;

  /** What a place's summary page shows, by default. */
  function placePage(place: number) {
    const orgs = history.organisations.flatMap((p, o) => (p === place || p === null ? [o] : []));
    const finalIndex = history.months.findIndex(isFinal);
    const now = finalIndex >= 0 ? finalIndex : 0;
    const before = now + 1 < history.months.length ? now + 1 : null;
    return {
      period: monthDates(history.months[now]!).label,
      previousPeriod: before === null ? null : monthDates(history.months[before]!).label,
      organisations: orgs.map((o) => ({
        organisation: o,
        returnState: standing(o, now).state,
        level: bucketLabel(bucket(standing(o, now), "self")),
        verifiedLevel: bucketLabel(bucket(standing(o, now), "verified")),
        movement: movement(o, now, before),
        ...changed(o, now, before),
      })),
      levelCounts: counts(orgs, now, "self"),
      verifiedCounts: counts(orgs, now, "verified"),
      coverage: coverage(orgs, now),
    };
  }

  /** What the system's annual report states for the history's report year. */
  function systemReport() {
    const { kind, start } = history.reportYear;
    const [from, until] =
      kind === "calendar"
        ? [`${start}-01-01`, `${start}-12-31`]
        : [`${start}-04-01`, `${start + 1}-03-31`];
    const inYear = history.months
      .map((month, m) => ({ month, m }))
      .filter(
        ({ month }) => monthDates(month).startsOn >= from && monthDates(month).startsOn <= until,
      );
    const chosen = history.provisional ? inYear[0] : inYear.find(({ month }) => isFinal(month));
    const now = chosen?.m ?? null;
    const yearEarlier = chosen
      ? history.months.findIndex((x) => x.index === chosen.month.index - 12)
      : -1;
    const before = yearEarlier >= 0 ? yearEarlier : null;
    const all = history.organisations.map((_, o) => o);
    const endsOn = chosen ? monthDates(chosen.month).endsOn : null;
    const sent = (o: number) =>
      now !== null && stateOf(o, now) === "submitted" ? history.returns[o]![now]!.actionsSent : [];
    const overdue = (targetDate: string | null) =>
      targetDate !== null && endsOn !== null && targetDate <= endsOn && targetDate < history.today;
    const submittedAt = (m: number | null) =>
      all.filter((o) => standing(o, m).state === "submitted");
    const atLevel = (orgs: number[], m: number | null) =>
      orgs.filter((o) => standing(o, m).state === "submitted" && standing(o, m).self !== null)
        .length;
    const moved = (orgs: number[], m: string) =>
      orgs.filter((o) => movement(o, now, before) === m).length;
    const cover = coverage(all, now);
    const groups = [
      ...Array.from({ length: history.places }, (_, p) => ({
        name: `Place ${p + 1}`,
        orgs: all.filter((o) => history.organisations[o] === p),
      })),
      { name: null, orgs: all.filter((o) => history.organisations[o] === null) },
    ].filter((g) => g.name !== null || g.orgs.length > 0);
    return {
      periodNow: chosen ? monthDates(chosen.month).label : null,
      periodBefore: before === null ? null : monthDates(history.months[before]!).label,
      submittedNow: submittedAt(now).length,
      submittedBefore: submittedAt(before).length,
      levelsNow: counts(all, now, "self"),
      levelsBefore: counts(all, before, "self"),
      verified: counts(all, now, "verified"),
      moved: Object.fromEntries(
        ["up", "down", "same", "not comparable"].map((m) => [m, moved(all, m)]),
      ),
      fulfilledAnswers: cover.reduce((n, c) => n + c.fulfilled, 0),
      verifiedAnswers: cover.reduce((n, c) => n + c.verified, 0),
      actions: {
        open: all.reduce((n, o) => n + sent(o).length, 0),
        overdue: all.reduce((n, o) => n + sent(o).filter((a) => overdue(a.targetDate)).length, 0),
      },
      appendix: all.map((o) => {
        const s = standing(o, now);
        const submitted = s.state === "submitted";
        const fulfilled = submitted ? fulfilledOf(o, now!, false) : new Set<number>();
        let index = 0;
        return {
          organisation: o,
          returnState: s.state,
          level: submitted ? levelName(s.self) : null,
          verifiedLevel: submitted ? levelName(s.verified) : null,
          movement: movement(o, now, before),
          domainsFulfilled: submitted
            ? rawCharter.domains.map((d) => {
                const n = d.components.filter((_, i) => fulfilled.has(index + i)).length;
                index += d.components.length;
                return n;
              })
            : null,
          openActions: submitted ? sent(o).length : null,
          overdueActions: submitted ? sent(o).filter((a) => overdue(a.targetDate)).length : null,
        };
      }),
      places: groups.map((g) => ({
        organisations: g.orgs.length,
        submittedNow: g.orgs.filter((o) => standing(o, now).state === "submitted").length,
        submittedBefore: g.orgs.filter((o) => standing(o, before).state === "submitted").length,
        atLevelNow: atLevel(g.orgs, now),
        atLevelBefore: atLevel(g.orgs, before),
        up: moved(g.orgs, "up"),
        down: moved(g.orgs, "down"),
        same: moved(g.orgs, "same"),
        notComparable: moved(g.orgs, "not comparable"),
      })),
    };
  }

  /**
   * The analysts' "returns" and "components" datasets: a row per organisation
   * and month with an assessment; figures only for a submitted return.
   */
  function exportRows() {
    return history.returns.flatMap((months, o) =>
      months.flatMap((month, m) => {
        if (month.kind === "none") return [];
        const s = standing(o, m);
        const submitted = s.state === "submitted";
        const fulfilled = fulfilledOf(o, m, false);
        const verified = fulfilledOf(o, m, true);
        const read = submitted ? month.answers : [];
        let index = 0;
        const domains = rawCharter.domains.flatMap((d) => {
          const inDomain = d.components.map((_, i) => index + i);
          index += d.components.length;
          return [
            inDomain.filter((c) => fulfilled.has(c)).length,
            inDomain.filter((c) => verified.has(c)).length,
          ];
        });
        return [
          {
            organisation: o,
            month: m,
            returnState: s.state,
            levelSelf: s.self,
            levelVerified: s.verified,
            total: read.length,
            fulfilled: fulfilled.size,
            verified: verified.size,
            inProgress: read.filter((a) => a.status === "in_progress").length,
            notStarted: read.filter((a) => a.status === "not_started").length,
            domains,
            components: read.map((a, c) => ({
              componentId: componentIds[c]!,
              status: a.status,
              verified: verified.has(c),
            })),
          },
        ];
      }),
    );
  }

  return { placePage, systemReport, exportRows };
}
