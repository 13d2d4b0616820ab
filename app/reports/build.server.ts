import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { loadCharter } from "~/charter/content";
import { annualReportRows, type ReportScopeRef } from "~/models/annual-report.server";
import { annualReport, SHARED_LISTED } from "./annual-report";
import type { ReportFormat } from "./formats";
import { annualReportDocument } from "./annual-report-layout";
import { chartImage } from "./chart-image.server";
import { renderDocx } from "./docx/render-docx.server";
import { renderPdf } from "./pdf/render-pdf.server";
import { fontBytes } from "~/documents/pdf/fonts";
import { todayInUk } from "~/utils/dates";

// TrueType bytes unwrapped once per process: pdfkit re-inflated a .woff's glyph table per glyph.
const PDF_FONTS = { regular: fontBytes("regular"), bold: fontBytes("bold") };


/**
 * Builds one annual report file: reads its rows, computes its figures, lays
 * it out and draws it. `onProgress` hears a share from 0 to 1 as it goes
 * (reading is the first tenth, drawing the rest).
 */
export async function buildAnnualReport(
  db: Kysely<Database>,
  args: {
    scope: ReportScopeRef;
    year: number;
    format: ReportFormat;
    now: Date;
    onProgress?: (share: number) => void;
  },
): Promise<{ bytes: Buffer; fileName: string; title: string } | null> {
  const rows = await annualReportRows(db, {
    scope: args.scope,
    year: args.year,
    sharedLimit: SHARED_LISTED,
  });
  if (!rows) return null;
  args.onProgress?.(0.1);
  const report = annualReport({
    charter: loadCharter(),
    scope: { kind: rows.scope.kind, id: rows.scope.id, name: rows.scope.name },
    year: args.year,
    generatedAt: args.now.toISOString(),
    today: todayInUk(args.now),
    now: rows.now,
    before: rows.before,
    organisations: rows.organisations,
    returnsNow: rows.returnsNow,
    returnsBefore: rows.returnsBefore,
    sharedPractice: rows.sharedPractice,
    actions: rows.actions,
  });
  const content = annualReportDocument(report);
  const onBlock = (done: number, total: number) => args.onProgress?.(0.1 + (0.9 * done) / total);
  const bytes =
    args.format === "pdf"
      ? await renderPdf(content, { fonts: PDF_FONTS, draw: chartImage, onBlock })
      : await renderDocx(content, { draw: chartImage, onBlock });
  return { bytes, fileName: reportFileName(rows.scope.name, args.year, args.format), title: content.title };
}

/** "annual-report-2026-blackpool.pdf": letters and digits only, safe in any header. */
export function reportFileName(scopeName: string, year: number, format: ReportFormat) {
  const slug = scopeName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `annual-report-${year}-${slug || "scope"}.${format}`;
}
