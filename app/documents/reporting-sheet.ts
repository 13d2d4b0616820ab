import { figureValue } from "~/charter/outcomes";
import { computeLevel } from "~/charter/scoring";
import { amount, figureWords } from "~/utils/figures";
import type { Charter } from "~/charter/schema";
import type { MonthState } from "./month-state";

/**
 * The reporting sheet as the charter's Appendix A lays it out: per domain, one
 * row per component (Component | Status | Evidence | Opportunities for
 * progression), then the domain's cross-cutting principles and its
 * progression actions. Pure: built from the charter and either a month's live
 * answers or a submission's frozen snapshot, and read alike by the HTML page,
 * the PDF and the spreadsheet. Plain strings and ISO dates only, so any writer
 * can format them (dates through app/utils/dates.ts).
 */

export type SheetStatus = "not_answered" | "not_started" | "in_progress" | "fulfilled";

export const sheetStatusWords: Record<SheetStatus, string> = {
  not_answered: "Not answered",
  not_started: "Not started",
  in_progress: "In progress",
  fulfilled: "Fulfilled",
};

/** An evidence item as a submission freezes it (app/models/sheet.server.ts `evidenceSummary`). */
export type EvidenceSource = {
  id: number;
  kind: "narrative" | "link" | "measure" | "file";
  title: string;
  body?: string | null;
  url?: string | null;
  measureValue?: number | string | null;
  measureUnit?: string | null;
  measureDate?: string | null;
  fileName?: string | null;
};

export type AnswerSource = {
  componentId: string;
  status: string;
  opportunities: string;
  practicesInPlace: readonly number[];
  evidence: readonly EvidenceSource[];
};

/** An outcome figure with the definition it answered, live or frozen in a snapshot (ADR 040). */
export type OutcomeSource = {
  measureId: number;
  version: number;
  name: string;
  definition: string;
  kind: "ratio" | "total";
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  componentIds: readonly string[];
  numerator: number;
  denominator: number | null;
  source: string;
  note: string;
};

/** An outcome figure as the sheet prints it. */
export type SheetOutcome = {
  measureId: number;
  name: string;
  version: number;
  definition: string;
  /** "34.2%" or "1,250 tonnes CO2e". */
  figure: string;
  /** A share's part and whole in words, with their labels; null for a total. */
  parts: string | null;
  source: string;
  note: string;
  componentIds: string[];
};

export type ActionSource = { description: string; owner: string | null; targetDate: string | null };

export type SheetSource = {
  charter: Charter;
  organisationName: string;
  periodLabel: string;
  answers: readonly AnswerSource[];
  principles: Record<number, { principlesInPlace: readonly number[]; note: string }>;
  actions: Record<string, readonly ActionSource[]>;
  /** The month's outcome figures (none in a snapshot from before they existed). */
  outcomes?: readonly OutcomeSource[];
  /** A submission: who made it, when (ISO), and the level it recorded. Absent: the month as it stands. */
  submission?: { submittedBy: string; submittedAt: string; level: string | null } | null;
  /** The month as it stands: whether it is a draft, submitted or reopened (said on every rendering). */
  state?: MonthState;
};

export type SheetEvidence = {
  id: number;
  kind: EvidenceSource["kind"];
  title: string;
  /** What the item says beyond its title: the narrative, the address, the figure or the file name. */
  detail: string;
  url: string | null;
  /** A measure's date (ISO), for the writer to format. */
  date: string | null;
};

export type SheetRow = {
  componentId: string;
  title: string;
  status: SheetStatus;
  statusWords: string;
  practicesInPlace: string[];
  evidence: SheetEvidence[];
  opportunities: string;
};

export type SheetAction = ActionSource & { componentId: string; componentTitle: string };

export type SheetDomain = {
  number: number;
  title: string;
  rows: SheetRow[];
  fulfilled: number;
  principles: Array<{ number: number; summary: string; inPlace: boolean }>;
  principlesNote: string;
  actions: SheetAction[];
};

export type ReportingSheet = {
  title: string;
  charterTitle: string;
  charterVersion: string;
  organisationName: string;
  periodLabel: string;
  levelName: string;
  answered: number;
  total: number;
  submission: { submittedBy: string; submittedAt: string } | null;
  /** The live month's state; null for a past submission, which says who sent it and when. */
  state: MonthState | null;
  domains: SheetDomain[];
  outcomes: SheetOutcome[];
};

const statuses = new Set<string>(["not_started", "in_progress", "fulfilled"]);

function statusOf(answer: AnswerSource | undefined): SheetStatus {
  return answer && statuses.has(answer.status) ? (answer.status as SheetStatus) : "not_answered";
}

function measureText(e: EvidenceSource): string {
  const value =
    e.measureValue === null || e.measureValue === undefined ? "" : String(e.measureValue);
  return [value, e.measureUnit ?? ""].filter((s) => s.trim() !== "").join(" ");
}

export function evidenceView(e: EvidenceSource): SheetEvidence {
  const detail = {
    narrative: e.body ?? "",
    link: e.url ?? "",
    measure: measureText(e),
    file: e.fileName ?? "",
  }[e.kind];
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    detail,
    url: e.kind === "link" ? (e.url ?? null) : null,
    date: e.kind === "measure" ? (e.measureDate ?? null) : null,
  };
}

function levelNameOf(charter: Charter, levelId: string | null): string {
  if (levelId === null) return "No level yet";
  return charter.levels.find((l) => l.id === levelId)?.name ?? levelId;
}

export function buildReportingSheet(source: SheetSource): ReportingSheet {
  const { charter } = source;
  const answers = new Map(source.answers.map((a) => [a.componentId, a]));
  const domains = charter.domains.map((domain): SheetDomain => {
    const rows = domain.components.map((component): SheetRow => {
      const answer = answers.get(component.id);
      const status = statusOf(answer);
      return {
        componentId: component.id,
        title: component.title,
        status,
        statusWords: sheetStatusWords[status],
        practicesInPlace: component.practices.filter((_, i) =>
          answer?.practicesInPlace.includes(i),
        ),
        evidence: (answer?.evidence ?? []).map(evidenceView),
        opportunities: answer?.opportunities.trim() ?? "",
      };
    });
    const saved = source.principles[domain.number];
    return {
      number: domain.number,
      title: domain.title,
      rows,
      fulfilled: rows.filter((r) => r.status === "fulfilled").length,
      principles: charter.crossCuttingPrinciples.map((p) => ({
        number: p.number,
        summary: p.summary,
        inPlace: saved?.principlesInPlace.includes(p.number) ?? false,
      })),
      principlesNote: saved?.note.trim() ?? "",
      actions: domain.components.flatMap((component) =>
        (source.actions[component.id] ?? []).map((action) => ({
          ...action,
          componentId: component.id,
          componentTitle: component.title,
        })),
      ),
    };
  });
  const rows = domains.flatMap((d) => d.rows);
  // A submission shows the level it recorded; the month as it stands, the level its answers earn now.
  const levelId =
    source.submission !== null && source.submission !== undefined
      ? source.submission.level
      : computeLevel(
          charter,
          rows.filter((r) => r.status === "fulfilled").map((r) => r.componentId),
        ).level;
  return {
    title: `${source.organisationName}: reporting sheet, ${source.periodLabel}`,
    charterTitle: charter.title,
    charterVersion: charter.version,
    organisationName: source.organisationName,
    periodLabel: source.periodLabel,
    levelName: levelNameOf(charter, levelId),
    answered: rows.filter((r) => r.status !== "not_answered").length,
    total: rows.length,
    submission: source.submission
      ? { submittedBy: source.submission.submittedBy, submittedAt: source.submission.submittedAt }
      : null,
    state: source.submission ? null : (source.state ?? null),
    domains,
    outcomes: (source.outcomes ?? []).map(outcomeView),
  };
}

export function outcomeView(o: OutcomeSource): SheetOutcome {
  return {
    measureId: o.measureId,
    name: o.name,
    version: o.version,
    definition: o.definition,
    figure: figureWords(o.kind, o.unit, figureValue(o.kind, o.numerator, o.denominator)),
    parts:
      o.kind === "ratio" && o.denominator !== null
        ? `${o.numeratorLabel ?? "Part"}: ${amount(o.numerator, o.unit)}; ${o.denominatorLabel ?? "whole"}: ${amount(o.denominator, o.unit)}`
        : null,
    source: o.source,
    note: o.note,
    componentIds: [...o.componentIds],
  };
}
