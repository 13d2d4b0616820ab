import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSql } from "../../setup/database";
import { visit, type Visitor } from "../../support/http";
import { pageText, type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let steering: Visitor;

beforeAll(async () => {
  f = await startReadersApp();
  steering = await f.signInAs("steering@example.com");
  // Thirty items shared on thirty days of 2030, newer than anything the demo shared.
  const db = openSql(f.databaseUrl);
  for (let day = 1; day <= 30; day++) {
    await db.run(
      "insert into evidence_item (organisation_id, kind, title, body, shared_at) values (?, 'narrative', ?, 'What we did', ?)",
      f.organisations[0]!.id,
      `Shared practice number ${day}`,
      `2030-01-${String(day).padStart(2, "0")}T09:00:00.000Z`,
    );
  }
  await db.close();
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

const goodPractice = (query = "") =>
  visit(f.app.url, `/places/${f.place}/good-practice${query}`, { visitor: steering });

describe("good practice, a page at a time", () => {
  it("lists the 20 newest first, with a link to the older ones and none to newer", async () => {
    const page = await goodPractice();
    expect(page.status).toBe(200);
    const html = await page.text();
    const body = pageText(html);
    expect(body).toContain("Shared practice number 30");
    expect(body).toContain("Shared practice number 11");
    expect(body).not.toContain("Shared practice number 10 ");
    expect(body).toContain("shared on 30 January 2030");
    expect(html).toContain(`href="/places/${f.place}/good-practice?page=2"`);
    expect(body).toContain("Next : Older items");
    expect(body).not.toContain("Previous");
  });

  it("shows the next page, which links back to the first", async () => {
    const body = pageText(await (await goodPractice("?page=2")).text());
    expect(body).toContain("Shared practice number 10");
    expect(body).not.toContain("Shared practice number 11");
    expect(body).toContain("Previous : Newer items");
  });

  it("answers a page past the end, and junk, without an error", async () => {
    const past = await goodPractice("?page=999");
    expect(past.status).toBe(200);
    expect(pageText(await past.text())).toContain("There are no older items.");
    for (const junk of ["?page=abc", "?page=-1", "?page=1e9", "?page=%00"]) {
      const page = await goodPractice(junk);
      expect(page.status).toBe(200);
      expect(pageText(await page.text())).toContain("Shared practice number 30");
    }
  });
});
