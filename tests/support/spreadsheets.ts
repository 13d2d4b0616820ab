import ExcelJS from "exceljs";

/** Parses CSV as a spreadsheet would (RFC 4180: quoted fields, doubled quotes, CRLF), BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && source[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

/** CSV rows as records keyed by the header row's names. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i] ?? ""])));
}

/** An XLSX's first sheet as records keyed by its header row, every value as CSV would write it. */
export async function xlsxRecords(bytes: ArrayBuffer): Promise<{
  records: Array<Record<string, string>>;
  formulas: number;
}> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Array<Record<string, string>> = [];
  let formulas = 0;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      const cell = row.getCell(i + 1);
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      record[name] = cell.value === null || cell.value === undefined ? "" : String(cell.value);
    });
    records.push(record);
  });
  return { records, formulas };
}
