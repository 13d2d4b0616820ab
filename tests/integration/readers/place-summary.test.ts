import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visit, type Visitor } from "../../support/http";
import { pageText as text, type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let placeLead: Visitor;
let steering: Visitor;

beforeAll(async () => {
  f = await startReadersApp();
  placeLead = await f.signInAs("place.lead@example.com");
  steering = await f.signInAs("steering@example.com");
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

describe("the place summary for a chosen month", () => {
  it("says who has submitted, what levels they hold, and what moved since the month before", async () => {
    const page = await visit(f.app.url, `/places/${f.place}?period=${f.month.id}`, {
      visitor: placeLead,
    });
    expect(page.status).toBe(200);
    const body = text(await page.text());
    expect(body).toContain(`2 of ${f.total} organisations have submitted for ${f.month.label}`);
    expect(body).toContain(`No return this period ${f.total - 3} —`);
    expect(body).toContain("Not yet submitted 1 —");
    expect(body).toContain("Bronze 1 0");
    expect(body).toContain("Silver 1 0");
    expect(body).toContain("Gold 0 0");
    expect(body).toContain(`${f.organisations[0]!.name} Submitted`);
    expect(body).toContain("Level up; newly fulfilled 2.1, 3.1, 4.1, 5.1, 6.1");
    expect(body).toContain("Level down; no longer fulfilled 3.3");
    expect(body).toMatch(new RegExp(`${f.organisations[2]!.name}( \\(system-wide\\))? Draft`));
    // B is one component (3.3 or 3.4) from gold; A needs more than one.
    expect(body).toContain("Fulfilling 3.3");
    expect(body).toMatch(/1\.3 [^:]+: fulfilled by 0 of 2 \(0%\)/);
  });

  it("the same figures download as CSV, for the steering group too", async () => {
    const levels = await visit(
      f.app.url,
      `/places/${f.place}/summary.csv?table=levels&period=${f.month.id}`,
      {
        visitor: steering,
      },
    );
    expect(levels.status).toBe(200);
    expect(levels.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await levels.arrayBuffer());
    // A byte-order mark, so Excel reads the names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`"No return this period","${f.total - 3}"`);
    expect(csv).toContain('"Bronze","1","0"');
    const returns = await (
      await visit(f.app.url, `/places/${f.place}/summary.csv?table=returns&period=${f.month.id}`, {
        visitor: steering,
      })
    ).text();
    expect(returns.split("\r\n")).toHaveLength(f.total + 2);
    expect(returns).toContain('"down"');
    const unknown = await visit(f.app.url, `/places/${f.place}/summary.csv?table=secrets`, {
      visitor: steering,
    });
    expect(unknown.status).toBe(404);
  });

  it("a period that is not the place's falls back, and says so", async () => {
    const body = text(
      await (
        await visit(f.app.url, `/places/${f.place}?period=999999`, { visitor: placeLead })
      ).text(),
    );
    expect(body).toContain("That reporting period is not one of this place's");
  });

  it("with no period asked for, shows the latest month anyone submitted", async () => {
    const body = text(
      await (await visit(f.app.url, `/places/${f.place}`, { visitor: placeLead })).text(),
    );
    expect(body).toMatch(/organisations have submitted for /);
  });
});
