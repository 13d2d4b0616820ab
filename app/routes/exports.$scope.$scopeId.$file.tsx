import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCharter } from "~/charter/content";
import { datasets, isDatasetId } from "~/exports/datasets";
import { csvStream, xlsxStream } from "~/exports/write.server";
import { refusal } from "~/http/refusal";
import { exportReturnPages } from "~/models/analyst-exports.server";
import { getPeriod } from "~/models/periods.server";
import { requireExportReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { documentMarking } from "~/models/settings.server";
import { attachmentHeaders } from "~/http/downloads.server";

const mediaTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * An analysts' dataset for a system, place or organisation, as CSV or XLSX,
 * every period or one (`?period=<id>`), streamed a page at a time. Those who
 * read only submitted months get only those.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await requireExportReader(request, params);
  const match = /^([a-z]+)\.(csv|xlsx)$/.exec(params.file ?? "");
  const datasetId = match?.[1] ?? "";
  if (!match || !isDatasetId(datasetId)) {
    throw refusal(
      404,
      `There is no such export: choose returns, components, measures or outcomes, as .csv or .xlsx.`,
    );
  }
  const format = match[2] as keyof typeof mediaTypes;
  const requested = new URL(request.url).searchParams.get("period");
  let periodId: number | null = null;
  let periodLabel = "all periods";
  if (requested !== null && requested !== "" && requested !== "all") {
    const period = /^\d{1,12}$/.test(requested)
      ? await getPeriod(getDb(), { id: Number(requested) })
      : undefined;
    if (!period || period.system_id !== reader.systemId) {
      throw refusal(404, "There is no such period: choose one from the exports page.");
    }
    periodId = period.id;
    periodLabel = period.label;
  }
  const dataset = datasets[datasetId];
  const charter = loadCharter();
  const pages = exportReturnPages(getDb(), {
    organisations: reader.organisations,
    periodId,
    submittedOnly: reader.reach === "submitted",
  });
  const write = format === "csv" ? csvStream : xlsxStream;
  const marking = await documentMarking(getDb());
  const body = write(dataset, charter, pages, context.whenWritable, marking);
  return new Response(body, {
    headers: attachmentHeaders({
      fileName: `${reader.name} ${dataset.id} ${periodLabel}.${format}`,
      mediaType: mediaTypes[format],
    }),
  });
}
