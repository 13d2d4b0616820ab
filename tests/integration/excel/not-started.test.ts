import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addChampion, type SheetApp, startSheetApp } from "../sheet/fixture";
import type { Visitor } from "../../support/http";
import { downloadTemplate, editTemplate, templateRows, upload } from "./support";

/**
 * Issue 19, point 9: a new organisation's first month can be completed
 * offline. The template leaves a component nobody has answered blank, so
 * "Not started" chosen in it is an answer: uploading it answers the
 * component, and the month can be submitted.
 */
let s: SheetApp;
let champion: Visitor;
let organisationId: number;
let assessmentId: number;

beforeAll(async () => {
  s = await startSheetApp();
  const placeId = await s.read.placeId("Morecambe Bay");
  const system = await s.read.row<{ id: number }>("select id from system");
  organisationId = (
    await s.read.row<{ id: number }>(
      "insert into organisation (system_id, place_id, name, type) values (?, ?, ?, ?) returning id",
      system.id,
      placeId,
      "Morecambe Bay Community Trust",
      "nhs_trust",
    )
  ).id;
  await addChampion(s.read, {
    email: "first.month@example.com",
    name: "First-month champion",
    organisationId,
  });
  champion = await s.signInAs("first.month@example.com");
  expect((await s.post(champion, s.sheetOf(organisationId), { intent: "start" })).status).toBe(302);
  assessmentId = Number(
    (
      await s.read.row<{ id: number }>(
        "select id from assessment where organisation_id = ?",
        organisationId,
      )
    ).id,
  );
}, 90_000);

afterAll(async () => {
  await s?.stop();
});

const answered = async () =>
  Number(
    (
      await s.read.row<{ n: number }>(
        "select count(*) as n from component_answer where assessment_id = ? and answered_at is not null",
        assessmentId,
      )
    ).n,
  );

describe("a first month filled in offline", () => {
  it("leaves unanswered components blank in the template, and takes Not started as an answer", async () => {
    expect(await answered()).toBe(0);
    const template = await downloadTemplate(s.app.url, champion, s.sheetOf(organisationId));
    const rows = await templateRows(template);
    expect(rows.size).toBe(16);
    for (const [id, row] of rows) expect({ id, status: row.status }).toEqual({ id, status: "" });

    const filled = await editTemplate(template, (sheet) => {
      sheet.eachRow((row) => {
        if (rows.has(row.getCell(1).text)) row.getCell(4).value = "Not started";
      });
    });
    const result = await upload(s.app.url, champion, s.sheetOf(organisationId), {
      bytes: filled,
      name: "first-month.xlsx",
    });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe(200);
    expect(result.text).toContain("Saved 16 components");
    expect(await answered()).toBe(16);

    const page = await (await s.get(champion, s.sheetOf(organisationId))).text();
    expect(page.replaceAll("<!-- -->", "")).toContain("16 of 16 components answered");
    expect((await s.post(champion, s.sheetOf(organisationId), { intent: "submit" })).status).toBe(
      302,
    );
    const { status } = await s.read.row<{ status: string }>(
      "select status from assessment where id = ?",
      assessmentId,
    );
    expect(status).toBe("submitted");
  }, 120_000);
});
