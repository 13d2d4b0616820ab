import http from "node:http";
import ExcelJS from "exceljs";
import type { Visitor } from "../../support/http";

/** The sheet's Excel template and its upload, over HTTP as a browser sends them. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function downloadTemplate(
  baseUrl: string,
  visitor: Visitor,
  sheetPath: string,
  query = "",
) {
  const response = await fetch(`${baseUrl}${sheetPath}/template.xlsx${query}`, {
    headers: { cookie: visitor.cookie ?? "" },
    redirect: "manual",
  });
  if (response.status !== 200) throw new Error(`The template answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Opens a workbook, lets the test change its Components sheet, and saves it as Excel would. */
export async function editTemplate(
  bytes: Uint8Array,
  edit: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  edit(workbook.getWorksheet("Components")!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The Components sheet's rows: component id to status word and opportunities. */
export async function templateRows(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = workbook.getWorksheet("Components")!;
  const rows = new Map<string, { row: number; status: string; opportunities: string }>();
  // The headings, under the demonstration marking when there is one.
  const headerAt = sheet.getRow(1).getCell(1).text === "Component" ? 1 : 2;
  sheet.eachRow((row, n) => {
    if (n <= headerAt) return;
    rows.set(row.getCell(1).text, {
      row: n,
      status: row.getCell(4).text,
      opportunities: row.getCell(5).text,
    });
  });
  return rows;
}

export async function upload(
  baseUrl: string,
  visitor: Visitor,
  sheetPath: string,
  file: { bytes: Uint8Array; name: string; type?: string },
) {
  const form = new FormData();
  form.set("intent", "import");
  form.set(
    "template",
    new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? XLSX_TYPE }),
  );
  const response = await postOnItsOwnConnection(`${baseUrl}${sheetPath}/import`, form, {
    cookie: visitor.cookie ?? "",
    origin: baseUrl,
  });
  const html = response.body;
  const problems = [
    ...(/nhsuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "").matchAll(
      /<li><a[^>]*>([\s\S]*?)<\/a><\/li>/g,
    ),
  ].map((m) => decode(m[1] ?? ""));
  return { status: response.status, html, text: decode(html.replace(/<[^>]+>/g, " ")), problems };
}

const decode = (s: string) =>
  s
    .replace(/<!-- -->/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A form posted on a connection of its own, as a browser's is after a pause:
 * fetch reuses a kept-alive connection, and one left idle while a test makes
 * a large file (seconds) may be closed by the server just as it is reused.
 */
async function postOnItsOwnConnection(
  url: string,
  form: FormData,
  headers: Record<string, string>,
) {
  const encoded = new Request(url, { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          ...headers,
          "content-type": encoded.headers.get("content-type") ?? "",
          "content-length": body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
