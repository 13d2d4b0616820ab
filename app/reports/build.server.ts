import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { loadCharter } from "~/charter/content";
import { annualReportRows, type ReportScopeRef } from "~/models/annual-report.server";
import { documentMarking } from "~/models/settings.server";
import { type ReportingYear, yearBounds, yearLabel } from "~/periods/reporting-year";
import { annualReport, SHARED_LISTED } from "./annual-report";
import { renderDocx } from "~/documents/docx/render-docx.server";
import type { DocumentFormat } from "~/documents/formats";
import { renderPdf } from "~/documents/pdf/render-pdf.server";
import { annualReportDocument } from "./annual-report-layout";
import { todayInUk } from "~/utils/dates";
import { periodsBetween } from "~/models/periods.server";
import { outcomesReport } from "./outcomes-report.server";
import { outcomesSection } from "./outcomes-section";

/**
 * Builds one annual report file: reads its rows, computes its figures, lays
 * it out and draws it. `onProgress` hears a share from 0 to 1 as it goes
 * (reading is the first tenth, drawing the rest).
 */
export async function buildAnnualReport(
  db: Kysely<Database>,
  args: {
    scope: ReportScopeRef;
    year: ReportingYear;
    /** Report the year's latest month even while it is open to returns (labelled provisional). */
    provisional?: boolean;
    format: DocumentFormat;
    now: Date;
    onProgress?: (share: number) => void;
  },
): Promise<{ bytes: Buffer; fileName: string; title: string } | null> {
  const today = todayInUk(args.now);
  const rows = await annualReportRows(db, {
    scope: args.scope,
    year: args.year,
    provisional: args.provisional ?? false,
    today,
    sharedLimit: SHARED_LISTED,
  });
  if (!rows) return null;
  args.onProgress?.(0.1);
  const report = annualReport({
    charter: loadCharter(),
    scope: { kind: rows.scope.kind, id: rows.scope.id, name: rows.scope.name },
    systemName: rows.scope.systemName,
    year: args.year,
    generatedAt: args.now.toISOString(),
    today,
    now: rows.now,
    before: rows.before,
    leftOut: rows.leftOut,
    organisations: rows.organisations,
    places: rows.places,
    returnsNow: rows.returnsNow,
    returnsBefore: rows.returnsBefore,
    sharedPractice: rows.sharedPractice,
    actions: rows.actions,
  });
  const document = annualReportDocument(report, {
    marking: (await documentMarking(db)) ?? undefined,
    outcomes: outcomesSection(
      await reportOutcomes(db, rows.scope, rows.organisations, args.year, args.now),
      yearLabel(args.year),
    ),
  });
  const onBlock = (done: number, total: number) =>
    args.onProgress?.(done >= total ? 1 : 0.1 + (0.9 * done) / total);
  const render = args.format === "pdf" ? renderPdf : renderDocx;
  const bytes = await render(document, { onBlock });
  return {
    bytes,
    fileName: reportFileName(rows.scope.name, args.year, args.format, report.provisional !== null),
    title: document.meta.title,
  };
}

/**
 * The outcome measures over the reporting year's periods (ADR 040): a place
 * sums its own organisations, the system every one, an organisation itself.
 */
async function reportOutcomes(
  db: Kysely<Database>,
  scope: { kind: "organisation" | "place" | "system"; id: number; name: string; systemId: number },
  organisations: ReadonlyArray<{ placeId: number | null }>,
  year: ReportingYear,
  now: Date,
) {
  const { startsOn, endsOn } = yearBounds(year);
  const periods = await periodsBetween(db, {
    systemId: scope.systemId,
    from: startsOn,
    to: endsOn,
  });
  const { systemId } = scope;
  return outcomesReport(db, {
    systemId,
    scopeKind: scope.kind,
    scope:
      scope.kind === "system"
        ? { systemId }
        : scope.kind === "place"
          ? { systemId, placeId: scope.id }
          : { systemId, organisationIds: [scope.id] },
    scopeName: scope.name,
    organisations:
      scope.kind === "place"
        ? organisations.filter((o) => o.placeId === scope.id).length
        : organisations.length,
    year: periods,
    today: todayInUk(now),
  });
}

/** "annual-report-2025-26-blackpool.pdf": letters and digits only, safe in any header. */
export function reportFileName(
  scopeName: string,
  year: ReportingYear,
  format: DocumentFormat,
  provisional = false,
) {
  const slug = scopeName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const when = yearLabel(year).replace("/", "-");
  return `annual-report-${when}-${slug || "scope"}${provisional ? "-provisional" : ""}.${format}`;
}
