import { type Visitor, visit } from "./http";

/**
 * Asks the running app for an annual report as a person would (the form on
 * /reports), waits for its job, and downloads the file.
 */
export async function downloadReport(
  baseUrl: string,
  visitor: Visitor,
  form: Record<string, string>,
  waitMs = 120_000,
): Promise<{ bytes: Buffer; fileName: string }> {
  const asked = await visit(baseUrl, "/reports", { visitor, method: "POST", form });
  if (asked.status !== 302) {
    throw new Error(`Asking for a report answered ${asked.status}: ${await asked.text()}`);
  }
  const jobPath = asked.headers.get("location")!;
  const end = Date.now() + waitMs;
  while (Date.now() < end) {
    const download = await visit(baseUrl, `${jobPath}/download`, { visitor });
    if (download.status === 200) {
      const name = /filename="([^"]+)"/.exec(download.headers.get("content-disposition") ?? "");
      return { bytes: Buffer.from(await download.arrayBuffer()), fileName: name?.[1] ?? "" };
    }
    await download.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The report at ${jobPath} was not built within ${waitMs} ms`);
}
