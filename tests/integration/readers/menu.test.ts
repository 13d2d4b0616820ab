import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSql } from "../../setup/database";
import { visit } from "../../support/http";
import { type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let system: number;

beforeAll(async () => {
  f = await startReadersApp();
  const db = openSql(f.databaseUrl);
  system = (await db.one<{ id: number }>("select system_id as id from place where id = ?", f.place))
    .id;
  await db.close();
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

/** The header menu's links, in order, and which of them is marked as the current page. */
function menu(html: string) {
  const nav = /<nav class="nhsuk-header__navigation"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  const links = [...nav.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].map(([, attributes, text]) => ({
    href: /href="([^"]*)"/.exec(attributes!)?.[1],
    text: text!.replace(/<[^>]+>/g, ""),
    current: /aria-current="page"/.test(attributes!),
  }));
  return { links, current: links.filter((l) => l.current).map((l) => l.text) };
}

describe("the header menu", () => {
  it("takes an administrator to place summaries, and from there to good practice", async () => {
    const admin = await f.signInAs("admin@example.com");
    const home = menu(await (await visit(f.app.url, "/", { visitor: admin })).text());
    expect(home.links.map((l) => l.text)).toEqual(
      expect.arrayContaining(["Place summaries", "ICS roll-up", "Administration"]),
    );
    const places = await (await visit(f.app.url, "/places", { visitor: admin })).text();
    expect(places).toContain(`href="/places/${f.place}"`);
    expect(places).toContain(`href="/places/${f.place}/good-practice"`);
    const goodPractice = await visit(f.app.url, `/places/${f.place}/good-practice`, {
      visitor: admin,
    });
    expect(goodPractice.status).toBe(200);
  });

  it("marks exactly one link as the current page, and the right one", async () => {
    const lead = await f.signInAs("place.lead@example.com");
    const admin = await f.signInAs("admin@example.com");
    const cases = [
      { visitor: lead, path: `/places/${f.place}`, current: "Place summary" },
      { visitor: lead, path: `/places/${f.place}/comparison`, current: "Compare" },
      { visitor: lead, path: `/places/${f.place}/good-practice`, current: "Good practice" },
      { visitor: lead, path: "/organisations", current: "Organisations" },
      { visitor: lead, path: "/charter", current: "The charter" },
      { visitor: admin, path: "/places", current: "Place summaries" },
      { visitor: admin, path: `/places/${f.place}`, current: "Place summaries" },
      { visitor: admin, path: `/systems/${system}`, current: "ICS roll-up" },
      { visitor: admin, path: "/admin/periods", current: "Administration" },
    ];
    for (const c of cases) {
      const page = await visit(f.app.url, c.path, { visitor: c.visitor });
      expect(page.status, c.path).toBe(200);
      expect(menu(await page.text()).current, c.path).toEqual([c.current]);
    }
  });
});
