import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visit, type Visitor } from "../../support/http";
import { pageText, type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let steering: Visitor;

beforeAll(async () => {
  f = await startReadersApp();
  steering = await f.signInAs("steering@example.com");
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

const overview = async (organisationId: number, query = "") =>
  pageText(
    await (
      await visit(f.app.url, `/organisations/${organisationId}${query}`, { visitor: steering })
    ).text(),
  );

describe("an organisation's overview", () => {
  it("shows its level in the month it last submitted, per-domain progress and what the next level needs", async () => {
    const a = f.organisations[0]!;
    const body = await overview(a.id);
    expect(body).toContain(`${f.month.label} Submitted Level, self-assessed Bronze`);
    expect(body).toContain("Level, verified No level yet");
    expect(body).toContain(`Progress in each domain, ${f.month.label}`);
    expect(body).toContain("1. Widening access to quality work 1 of 3 0 of 3 1 more");
    expect(body).toContain("3. Expanding community access to NHS property 1 of 4 0 of 4 1 more");
  });

  it("lists open actions soonest first, the overdue one marked in words", async () => {
    const body = await overview(f.organisations[0]!.id, `?period=${f.month.id}`);
    expect(body).toMatch(
      /Start an apprenticeship scheme 1\.2 [^0-9]+ Jo Bloggs 31 January 2020 Overdue/,
    );
    expect(body).toMatch(/Recruit a careers lead 1\.2 [^0-9]+ — 31 December 2099 (?!Overdue)/);
  });

  it("shows the last months as a trend, each linking to its sheet", async () => {
    const b = f.organisations[1]!;
    const html = await (
      await visit(f.app.url, `/organisations/${b.id}`, { visitor: steering })
    ).text();
    expect(html).toContain(`href="/organisations/${b.id}/periods/${f.month.id}"`);
    const body = pageText(html);
    expect(body).toContain(`${f.month.label} Submitted Silver 2 2 2 2 2 2`);
    expect(body).toContain(`${f.before.label} Submitted Gold 2 2 3 2 2 2`);
  });

  it("a month with no self-assessment says so", async () => {
    const body = await overview(f.organisations[3]!.id, `?period=${f.month.id}`);
    expect(body).toContain(`No self-assessment has been started for ${f.month.label}`);
  });
});
