import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfBytes } from "../../fixtures/files";
import type { Visitor } from "../../support/http";
import { multipart } from "../../support/multipart";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * Real file names hold every printable character. Each is uploaded as a
 * browser sends it (the name raw in UTF-8, a double quote as %22), kept as
 * the person named it, and downloaded under that name.
 */

let s: SheetApp;
let champion: Visitor;

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" });
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

async function upload(sentName: string) {
  const body = multipart(
    { intent: "addEvidence", componentId: "2.1", kind: "file", title: "Budget" },
    { name: sentName, type: "application/pdf", bytes: pdfBytes },
  );
  return fetch(`${s.app.url}${s.sheetOf(s.uhmb)}`, {
    method: "POST",
    headers: { origin: s.app.url, cookie: champion.cookie ?? "", "content-type": body.type ?? "" },
    body: body.body,
    redirect: "manual",
  });
}

const latestFile = () =>
  s.read.row<{ id: number; file_name: string }>(
    "select id, file_name from evidence_item where organisation_id = ? and kind = 'file' order by id desc limit 1",
    s.uhmb,
  );

describe("uploading a file keeps the name it was given", () => {
  it.each([
    ["Budget (v2=final).pdf", "Budget (v2=final).pdf", "Budget (v2=final).pdf"],
    ["Minutes; March 2026.pdf", "Minutes; March 2026.pdf", "Minutes; March 2026.pdf"],
    ["The %22green%22 plan.pdf", "The %22green%22 plan.pdf", 'The "green" plan.pdf'],
    ["It's ours & theirs.pdf", "It's ours & theirs.pdf", "It's ours & theirs.pdf"],
    ["Żółć – łąka.pdf", "Żółć – łąka.pdf", "Żółć – łąka.pdf"],
    ["年度报告.pdf", "年度报告.pdf", "年度报告.pdf"],
    ["Report 🌳✅.pdf", "Report 🌳✅.pdf", "Report 🌳✅.pdf"],
    ["a 255-character name", `${"n".repeat(251)}.pdf`, `${"n".repeat(251)}.pdf`],
  ])("%s", async (_, sentName, storedName) => {
    const response = await upload(sentName);
    expect(response.status, await response.text()).toBe(302);
    const item = await latestFile();
    expect(item.file_name).toBe(storedName);

    const download = await fetch(`${s.app.url}/organisations/${s.uhmb}/evidence/${item.id}`, {
      headers: { cookie: champion.cookie ?? "" },
    });
    expect(download.status).toBe(200);
    const disposition = download.headers.get("content-disposition") ?? "";
    const encoded = /filename\*=UTF-8''([^;]+)$/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe(storedName);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
  });
});
