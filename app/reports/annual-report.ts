import {
  bucketLabels,
  changeSince,
  commonGaps,
  componentCoverage,
  isOverdue,
  levelCounts,
  type OrganisationRow,
  type ReturnRow,
  type Standing,
  standings,
} from "~/charter/aggregation";
import type { Charter } from "~/charter/schema";

/**
 * The annual report's content for a scope and a year, as plain data: every
 * figure comes from the aggregation layer (ADR 019), so the report counts
 * exactly as the readers' pages do. The PDF and the Word document are two
 * renderings of this one model; neither computes a figure of its own.
 */

export type ReportScope = { kind: "organisation" | "place" | "system"; id: number; name: string };

export type ReportOrganisation = OrganisationRow & { placeName: string | null };

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
  year: number;
  /** When the report was built (ISO), shown on the cover. */
  generatedAt: string;
  /** YYYY-MM-DD: actions with a target date before it are overdue. */
  today: string;
  now: { label: string } | null;
  before: { label: string } | null;
  organisations: readonly ReportOrganisation[];
  returnsNow: readonly ReturnRow[];
  returnsBefore: readonly ReturnRow[];
  sharedPractice: readonly ReportSharedItem[];
  /** The open actions of the returns in `now` (an action removed as done is gone). */
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

export function annualReport(input: AnnualReportInput) {
  const { charter } = input;
  const nowStandings = standings(charter, input.organisations, input.returnsNow);
  const beforeStandings = standings(charter, input.organisations, input.returnsBefore);
  const levelName = (id: string | null | undefined) =>
    (id && charter.levels.find((l) => l.id === id)?.name) || "No level";
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
  const domains = charter.domains.map((domain) => {
    const rows = coverage.filter((c) => c.domainNumber === domain.number);
    const fulfilled = rows.reduce((sum, r) => sum + r.fulfilled, 0);
    const verified = rows.reduce((sum, r) => sum + r.verified, 0);
    const possible = rows.reduce((sum, r) => sum + r.returns, 0);
    return { number: domain.number, title: domain.title, fulfilled, verified, possible, rows };
  });

  const actions = input.actions.map((a) => ({
    ...a,
    organisationName: nameOf.get(a.organisationId) ?? "",
    componentTitle: componentTitle(a.componentId),
    overdue: isOverdue(a.targetDate, input.today),
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
    const own = actions.filter((a) => a.organisationId === o.id);
    return {
      organisation: { id: o.id, name: o.name, type: o.type, placeName: o.placeName },
      returnState: standing.returnState,
      level: standing.self ? levelName(standing.self.level) : null,
      verifiedLevel: standing.verified ? levelName(standing.verified.level) : null,
      movement: changes[i]!.movement,
      levelBefore: changes[i]!.levelBefore ? levelName(changes[i]!.levelBefore) : null,
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
            status: answer?.status ?? "not_started",
            review: answer?.review ?? "not reviewed",
          };
        }),
      ),
      openActions: own.length,
      overdueActions: own.filter((a) => a.overdue).length,
    };
  });

  return {
    title: `Anchor charter annual report ${input.year}`,
    scope: input.scope,
    year: input.year,
    generatedAt: input.generatedAt,
    periodNow: input.now?.label ?? null,
    periodBefore: input.before?.label ?? null,
    levelIds: charter.levels.map((l) => l.id),
    summary: {
      organisations: input.organisations.length,
      submittedNow: nowStandings.filter((s) => s.returnState === "submitted").length,
      submittedBefore: beforeStandings.filter((s) => s.returnState === "submitted").length,
      levelsNow: countRows(charter, nowStandings, "self"),
      levelsBefore: countRows(charter, beforeStandings, "self"),
      movedUp: moved("up"),
      movedDown: moved("down"),
      stayed: moved("same"),
      notComparable: moved("not comparable"),
    },
    domains,
    gaps: commonGaps(coverage, GAPS_LISTED),
    sharedPractice: input.sharedPractice.slice(0, SHARED_LISTED),
    verification: {
      self: countRows(charter, nowStandings, "self"),
      verified: countRows(charter, nowStandings, "verified"),
      fulfilledAnswers,
      verifiedAnswers,
    },
    actions: { open: actions.length, overdue: overdue.length, overdueList: overdue },
    appendix,
  };
}

export type AnnualReport = ReturnType<typeof annualReport>;
