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

const get = async (path: string) => {
  const response = await visit(f.app.url, path, { visitor: steering });
  return { status: response.status, html: await response.text() };
};

describe("comparing a place's organisations", () => {
  it("shows each organisation's answer to each component in words, linking to it on the sheet", async () => {
    const { status, html } = await get(`/places/${f.place}/comparison?period=${f.month.id}`);
    expect(status).toBe(200);
    const [a, b, c] = f.organisations;
    const body = pageText(html);
    expect(body).toContain(
      `${a!.name}, 1.1 Widening workforce participation: Fulfilled, self-assessed`,
    );
    expect(body).toContain(`${a!.name}, 1.2 Building the future workforce: In progress`);
    expect(body).toContain(
      `${b!.name}, 3.2 Converting and selling estate for community benefit: Fulfilled`,
    );
    // Each cell opens that component's own page of the month (ADR 026).
    expect(html).toContain(`href="/organisations/${a!.id}/periods/${f.month.id}/components/1.1"`);
    // A draft has nothing to compare yet, and says so across the row.
    expect(body).toMatch(new RegExp(`${c!.name}[^]*?Not yet submitted Not yet submitted`));
  });

  it("filters by level and by domain, with the filters in the address", async () => {
    const bronze = pageText(
      (await get(`/places/${f.place}/comparison?period=${f.month.id}&level=bronze`)).html,
    );
    expect(bronze).toContain(f.organisations[0]!.name);
    expect(bronze).not.toContain(f.organisations[1]!.name);
    const domain6 = (await get(`/places/${f.place}/comparison?period=${f.month.id}&domain=6`)).html;
    expect(domain6).toContain('<abbr title="Listening to and working with communities">6.1</abbr>');
    expect(domain6).not.toContain(">1.1</abbr>");
    const none = pageText(
      (await get(`/places/${f.place}/comparison?period=${f.month.id}&level=platinum`)).html,
    );
    expect(none).toContain("No organisation matches these filters.");
  });

  it("the same matrix downloads as CSV, filtered the same way", async () => {
    const response = await visit(
      f.app.url,
      `/places/${f.place}/summary.csv?table=comparison&period=${f.month.id}&level=silver`,
      { visitor: steering },
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${f.organisations[1]!.name}"`);
    expect(lines[1]).toContain('"Fulfilled, self-assessed"');
  });

  it("puts two to four chosen organisations side by side, component by component", async () => {
    const [a, b] = f.organisations;
    const { html } = await get(
      `/places/${f.place}/side-by-side?period=${f.month.id}&org=${a!.id}&org=${b!.id}`,
    );
    const body = pageText(html);
    expect(body).toContain(
      "1.2 Building the future workforce ◐ In progress ● Fulfilled, self-assessed",
    );
    const one = pageText((await get(`/places/${f.place}/side-by-side?org=${a!.id}`)).html);
    expect(one).toContain("There is a problem Choose between 2 and 4 organisations to compare.");
    const stranger = pageText(
      (await get(`/places/${f.place}/side-by-side?org=${a!.id}&org=999999`)).html,
    );
    expect(stranger).toContain("Choose organisations of this place.");
  });

  it("keeps the filters and sort when another period is chosen", async () => {
    const { html } = await get(
      `/places/${f.place}/comparison?period=${f.month.id}&level=bronze&domain=6&sort=type&type=nonsense`,
    );
    const chooser = /<form[^>]*class="app-period-chooser"[^>]*>([^]*?)<\/form>/.exec(html)?.[1];
    expect(chooser).toBeDefined();
    const hidden = [
      ...chooser!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g),
    ].map((m) => `${m[1]}=${m[2]}`);
    // A filter the page did not accept (an unknown type) is not carried on; the period is the choice.
    expect(hidden.sort()).toEqual(["domain=6", "level=bronze", "sort=type"]);
    expect(chooser).toContain('name="period"');
    const unfiltered = (await get(`/places/${f.place}/comparison?period=${f.month.id}`)).html;
    const plain = /<form[^>]*class="app-period-chooser"[^>]*>([^]*?)<\/form>/.exec(unfiltered)?.[1];
    expect(plain).not.toContain('type="hidden"');
  });
});
