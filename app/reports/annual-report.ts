import {
  bucketLabels,
  changeSince,
  commonGaps,
  componentCoverage,
  type Held,
  isOverdue,
  levelCounts,
  type OrganisationRow,
  type ReturnRow,
  type Standing,
  standings,
} from "~/charter/aggregation";
import type { Charter } from "~/charter/schema";
import { dayAfter, type ReportingYear, yearLabel } from "~/periods/reporting-year";
import { placeSummaryRows } from "./place-rows";
import { whatChanged } from "./what-changed";

/**
 * The annual report's content for a scope and a year, as plain data: every
 * figure comes from the aggregation layer (ADR 019), so the report counts
 * exactly as the readers' pages do. The PDF and the Word document are two
 * renderings of this one model; neither computes a figure of its own.
 *
 * The rows it is given are submitted returns' (a draft or reopened month
 * comes with its state and no answers), for the year's latest final month
 * unless a provisional one was asked for; actions are those sent with those
 * returns, judged overdue at the month's end, and the practice is what was
 * shared within the year (issue 19).
 */

export type ReportScope = { kind: "organisation" | "place" | "system"; id: number; name: string };

export type ReportOrganisation = OrganisationRow & { placeName: string | null };

/** A month the report reads, with the date its returns were due and whether it is final. */
export type ReportPeriod = {
  label: string;
  endsOn: string;
  dueOn: string;
  /** Closed to returns, or past its due date: its figures are not provisional. */
  final: boolean;
};

export type ReportAction = {
  organisationId: number;
  componentId: string;
  description: string;
  owner: string | null;
  targetDate: string | null;
};

export type ReportSharedItem = {
  organisationName: string;
  kind: string;
  title: string;
  sharedAt: string;
  componentIds: readonly string[];
};

export type AnnualReportInput = {
  charter: Charter;
  scope: ReportScope;
  /** The system the scope belongs to, named on the cover. */
  systemName: string;
  year: ReportingYear;
  /** When the report was built (ISO), shown on the cover. */
  generatedAt: string;
  /** YYYY-MM-DD in the UK: the day the report is built. */
  today: string;
  now: ReportPeriod | null;
  before: ReportPeriod | null;
  /** The year's newest month still open to returns, when it is left out (default). */
  leftOut: ReportPeriod | null;
  organisations: readonly ReportOrganisation[];
  /** The system's places, for the summary by place (a system report only). */
  places: ReadonlyArray<{ id: number; name: string }>;
  returnsNow: readonly ReturnRow[];
  returnsBefore: readonly ReturnRow[];
  sharedPractice: readonly ReportSharedItem[];
  /** The actions in the plans sent with the returns in `now`. */
  actions: readonly ReportAction[];
};

/** How many gaps and shared items the report lists: a board paper, not a data dump. */
export const GAPS_LISTED = 5;
export const SHARED_LISTED = 10;

const countRows = (charter: Charter, all: readonly Standing[], which: "self" | "verified") => {
  const labels = bucketLabels(charter);
  return levelCounts(charter, all, which).map((c) => ({
    bucket: c.bucket as string,
    label: labels.get(c.bucket) ?? c.bucket,
    count: c.count,
  }));
};

/** A month as the report names it: "November 2026 (2026/27)", provisional said where it is. */
function periodName(period: ReportPeriod | null, year: string) {
  return period ? `${period.label} (${year}${period.final ? "" : ", provisional"})` : null;
}

export function annualReport(input: AnnualReportInput) {
  const { charter } = input;
  const label = yearLabel(input.year);
  const nowStandings = standings(charter, input.organisations, input.returnsNow);
  const beforeStandings = standings(charter, input.organisations, input.returnsBefore);
  const levelName = (id: string | null | undefined) =>
    (id && charter.levels.find((l) => l.id === id)?.name) || "No level yet";
  const heldName = (held: Held) => (held.kind === "level" ? levelName(held.level) : null);
  const componentTitle = (id: string) =>
    charter.domains.flatMap((d) => d.components).find((c) => c.id === id)?.title ?? id;
  const nameOf = new Map(input.organisations.map((o) => [o.id, o.name]));

  const nowByOrg = new Map(input.returnsNow.map((r) => [r.organisationId, r]));
  const beforeByOrg = new Map(input.returnsBefore.map((r) => [r.organisationId, r]));
  const changes = input.organisations.map((o, i) =>
    changeSince(
      charter,
      { standing: nowStandings[i]!, answers: nowByOrg.get(o.id)?.answers ?? [] },
      { standing: beforeStandings[i]!, answers: beforeByOrg.get(o.id)?.answers ?? [] },
    ),
  );
  const moved = (m: string) => changes.filter((c) => c.movement === m).length;

  const coverage = componentCoverage(charter, input.returnsNow);
  const coverageBefore = componentCoverage(charter, input.returnsBefore);
  const domains = charter.domains.map((domain) => {
    const sum = (rows: typeof coverage, key: "fulfilled" | "verified" | "returns") =>
      rows.filter((c) => c.domainNumber === domain.number).reduce((n, r) => n + r[key], 0);
    return {
      number: domain.number,
      title: domain.title,
      fulfilled: sum(coverage, "fulfilled"),
      verified: sum(coverage, "verified"),
      possible: sum(coverage, "returns"),
      fulfilledBefore: sum(coverageBefore, "fulfilled"),
      possibleBefore: sum(coverageBefore, "returns"),
      rows: coverage.filter((c) => c.domainNumber === domain.number),
    };
  });

  // Overdue as at the month's end (or today, for a month not yet over): what was true then.
  const asOf = input.now ? [dayAfter(input.now.endsOn), input.today].sort()[0]! : input.today;
  const actions = input.actions.map((a) => ({
    ...a,
    organisationName: nameOf.get(a.organisationId) ?? "",
    componentTitle: componentTitle(a.componentId),
    overdue: isOverdue(a.targetDate, asOf),
  }));
  const overdue = actions
    .filter((a) => a.overdue)
    .sort(
      (a, b) =>
        (a.targetDate ?? "").localeCompare(b.targetDate ?? "") ||
        a.organisationName.localeCompare(b.organisationName),
    );

  const fulfilledAnswers = coverage.reduce((sum, c) => sum + c.fulfilled, 0);
  const verifiedAnswers = coverage.reduce((sum, c) => sum + c.verified, 0);

  const appendix = input.organisations.map((o, i) => {
    const row = nowByOrg.get(o.id);
    const standing = nowStandings[i]!;
    const change = changes[i]!;
    const submitted = standing.returnState === "submitted";
    const own = actions.filter((a) => a.organisationId === o.id);
    return {
      organisation: { id: o.id, name: o.name, type: o.type, placeName: o.placeName },
      returnState: standing.returnState,
      level: submitted ? levelName(standing.self?.level) : null,
      verifiedLevel: submitted ? levelName(standing.verified?.level) : null,
      movement: change.movement,
      before: change.before,
      levelBefore: heldName(change.before),
      /** Only for a submitted return: a draft or no return has no figures to show. */
      figures: submitted
        ? {
            domains: charter.domains.map((d) => ({
              number: d.number,
              title: d.title,
              total: d.components.length,
              fulfilled: d.components.filter(
                (c) => row?.answers.find((a) => a.componentId === c.id)?.status === "fulfilled",
              ).length,
            })),
            sheet: charter.domains.flatMap((d) =>
              d.components.map((c) => {
                const answer = row?.answers.find((a) => a.componentId === c.id);
                return {
                  componentId: c.id,
                  title: c.title,
                  domainNumber: d.number,
                  status: answer?.status ?? ("not_started" as const),
                  review: answer?.review ?? "not reviewed",
                };
              }),
            ),
            openActions: own.length,
            overdueActions: own.filter((a) => a.overdue).length,
          }
        : null,
    };
  });

  const levelsNow = countRows(charter, nowStandings, "self");
  const levelsBefore = countRows(charter, beforeStandings, "self");
  const verified = countRows(charter, nowStandings, "verified");
  const summary = {
    organisations: input.organisations.length,
    submittedNow: nowStandings.filter((s) => s.returnState === "submitted").length,
    submittedBefore: beforeStandings.filter((s) => s.returnState === "submitted").length,
    levelsNow,
    levelsBefore,
    movedUp: moved("up"),
    movedDown: moved("down"),
    stayed: moved("same"),
    notComparable: moved("not comparable"),
  };
  const report = {
    title: `Anchor charter annual report ${label}`,
    scope: input.scope,
    systemName: input.systemName,
    year: input.year,
    yearLabel: label,
    generatedAt: input.generatedAt,
    periodNow: input.now?.label ?? null,
    periodBefore: input.before?.label ?? null,
    /** The months as charts and captions name them, with the year and "provisional" where it is. */
    namedNow: periodName(input.now, label),
    namedBefore: periodName(
      input.before,
      yearLabel({ ...input.year, start: input.year.start - 1 }),
    ),
    /** The month reported is still open to returns: every figure of it is provisional. */
    provisional: input.now && !input.now.final ? { dueOn: input.now.dueOn } : null,
    leftOut: input.leftOut ? { label: input.leftOut.label, dueOn: input.leftOut.dueOn } : null,
    actionsAsOf: asOf,
    levelIds: charter.levels.map((l) => l.id),
    /** Both "levels held" charts, and the verified one, share this axis so they compare by eye. */
    levelAxisMax: roundedUp(
      Math.max(1, ...[...levelsNow, ...levelsBefore, ...verified].map((row) => row.count)),
    ),
    summary,
    domains,
    gaps: commonGaps(coverage, GAPS_LISTED),
    sharedPractice: input.sharedPractice.slice(0, SHARED_LISTED),
    verification: { self: levelsNow, verified, fulfilledAnswers, verifiedAnswers },
    actions: { open: actions.length, overdue: overdue.length, overdueList: overdue },
    places:
      input.scope.kind === "system"
        ? placeSummaryRows(charter, {
            places: input.places,
            organisations: input.organisations,
            now: nowStandings,
            before: beforeStandings,
            changes,
          })
        : null,
    appendix,
  };
  return {
    ...report,
    whatChanged: whatChanged(report, {
      levelName,
      moves: changes.flatMap((c) =>
        c.movement === "up" || c.movement === "down"
          ? [
              {
                name: nameOf.get(c.organisationId) ?? "",
                movement: c.movement,
                from: heldName(c.before) ?? "",
                to: heldName(c.now) ?? "",
              },
            ]
          : [],
      ),
    }),
  };
}

/** An axis end a reader can count to: 7 stays 7, 11 becomes 12, 23 becomes 25, 87 becomes 90. */
export function roundedUp(n: number): number {
  const step = n <= 10 ? 1 : n <= 20 ? 2 : n <= 50 ? 5 : 10 ** Math.floor(Math.log10(n) - 0.7);
  return Math.ceil(n / step) * step;
}

export type AnnualReport = ReturnType<typeof annualReport>;
export type ReportCore = Omit<AnnualReport, "whatChanged">;
