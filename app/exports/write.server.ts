import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Charter } from "../charter/schema";
import type { ExportReturn } from "../models/analyst-exports.server";
import { CSV_BOM, csvLine } from "../utils/csv";
import type { Cell, Dataset } from "./datasets";

/**
 * An export written as it is read: one page of returns at a time goes out
 * before the next is fetched, and the stream pulls only as fast as the
 * client reads, so memory stays flat however large the scope.
 */
type Pages = AsyncGenerator<ExportReturn[]>;
/** Resolves when the response can take more (the server's load context gives it; absent in tests of the writer). */
type WhenWritable = (() => Promise<void>) | undefined;

/**
 * Demonstration data is marked in a last column, `data_marking`, named in the
 * header row and filled on every row, and only in files made from a database
 * holding demonstration data (README's data dictionary). Not a line above
 * the header: spreadsheets and analysts' tools (Excel, pandas, R) take the
 * first row as the column names, and a marking there would become them. A
 * column travels with each row when rows are filtered, sorted or pasted.
 */
export const MARKING_COLUMN = "data_marking";

const marked = (row: readonly Cell[], marking: string | null): Cell[] =>
  marking === null ? [...row] : [...row, marking];

/** CSV: UTF-8 with a byte-order mark, CRLF, formula-like text neutralised (app/utils/csv.ts). */
export function csvStream(
  dataset: Dataset,
  charter: Charter,
  pages: Pages,
  whenWritable: WhenWritable,
  marking: string | null = null,
) {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(
          encoder.encode(
            CSV_BOM +
              csvLine([
                ...dataset.columns(charter).map((c) => c.name),
                ...(marking === null ? [] : [MARKING_COLUMN]),
              ]),
          ),
        );
        return;
      }
      // A page may give no rows (returns without measures): read on until one does.
      for (;;) {
        await whenWritable?.();
        const next = await pages.next();
        if (next.done) return controller.close();
        let text = "";
        for (const r of next.value)
          for (const row of dataset.rows(charter, r)) text += csvLine(marked(row, marking));
        if (text) return controller.enqueue(encoder.encode(text));
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (written to
 * the zip) as it is added, shared strings off so nothing accumulates. Text
 * goes in as text, never as a formula, so no cell can run.
 */
export function xlsxStream(
  dataset: Dataset,
  charter: Charter,
  pages: Pages,
  whenWritable: WhenWritable,
  marking: string | null = null,
) {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Anchor Charter";
  if (marking !== null) workbook.subject = marking;
  const write = async () => {
    const columns = [
      ...dataset.columns(charter),
      ...(marking === null ? [] : [{ name: MARKING_COLUMN, type: "text" as const }]),
    ];
    const sheet = workbook.addWorksheet(dataset.id, {
      views: [{ state: "frozen", ySplit: 1 }],
      // Printed, every page says it too.
      ...(marking === null
        ? {}
        : { headerFooter: { oddHeader: `&C&B${marking}`, evenHeader: `&C&B${marking}` } }),
    });
    sheet.columns = columns.map((c) => ({
      header: c.name,
      key: c.name,
      width: c.name === MARKING_COLUMN ? 40 : Math.max(12, c.name.length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of pages) {
      if (out.destroyed) break;
      for (const r of page) {
        for (const row of dataset.rows(charter, r)) {
          sheet.addRow(xlsxCells(marked(row, marking))).commit();
        }
      }
      if (out.writableNeedDrain) await once(out, "drain");
      await whenWritable?.();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch(async (error: unknown) => {
    await pages.return(undefined);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

const xlsxCells = (row: Cell[]) => row.map((cell) => (cell === null ? undefined : cell));
