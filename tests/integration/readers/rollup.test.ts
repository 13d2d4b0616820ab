import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visit, type Visitor } from "../../support/http";
import { pageText, type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let admin: Visitor;
let systemId: number;

beforeAll(async () => {
  f = await startReadersApp();
  admin = await f.signInAs("admin@example.com");
  const menu = await (await visit(f.app.url, "/", { visitor: admin })).text();
  systemId = Number(/href="\/systems\/(\d+)"/.exec(menu)?.[1]);
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

describe("the ICS roll-up", () => {
  it("counts each place's levels, with the system-wide organisations apart, and links to each place", async () => {
    const html = await (
      await visit(f.app.url, `/systems/${systemId}?period=${f.month.id}`, { visitor: admin })
    ).text();
    expect(html).toContain(`href="/places/${f.place}?period=${f.month.id}"`);
    const body = pageText(html);
    // Morecambe Bay's own seven: Barrow (bronze) and six with no return; the system-wide three
    // (Lancashire County Council silver, LSCFT a draft, NWAS no return) are counted apart.
    expect(body).toContain("Morecambe Bay 7 6 0 0 1 0 0 0");
    expect(body).toContain("System-wide organisations 3 1 1 0 0 1 0 0");
  });

  it("shades each place's domains by the share meeting the chosen level, and writes the share", async () => {
    const body = pageText(
      await (
        await visit(f.app.url, `/systems/${systemId}?period=${f.month.id}&level=silver`, {
          visitor: admin,
        })
      ).text(),
    );
    expect(body).toContain(`Share of returns meeting Silver in each domain, ${f.month.label}`);
    // Each share is written, with its band as blocks: shade is never the only sign.
    expect(body).toContain(`Morecambe Bay${" 0% ■□□□".repeat(6)}`);
    expect(body).toContain(`System-wide organisations${" 100% ■■■■".repeat(6)}`);
  });

  it("follows each place over the months from the level frozen with each submission", async () => {
    const body = pageText(
      await (
        await visit(f.app.url, `/systems/${systemId}?period=${f.month.id}&level=gold`, {
          visitor: admin,
        })
      ).text(),
    );
    expect(body).toMatch(
      new RegExp(
        `Returns at Gold or above, of those submitted, by month .*${f.before.label} ${f.month.label}`,
      ),
    );
    expect(body).toMatch(/System-wide organisations( —)* 1 of 1 0 of 1/);
  });

  it("keeps a chosen level when another period is chosen, and leaves the default out", async () => {
    const chooser = async (query: string) =>
      /<form[^>]*class="app-period-chooser"[^>]*>([^]*?)<\/form>/.exec(
        await (await visit(f.app.url, `/systems/${systemId}?${query}`, { visitor: admin })).text(),
      )?.[1];
    expect(await chooser(`period=${f.month.id}&level=gold`)).toContain(
      '<input type="hidden" name="level" value="gold"/>',
    );
    expect(await chooser(`period=${f.month.id}`)).not.toContain('type="hidden"');
  });
});
