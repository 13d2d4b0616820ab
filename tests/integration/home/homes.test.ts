import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueDateByRule } from "~/periods/due-dates";
import { formatDay } from "~/utils/dates";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * Each role's home (issue 20): the first page after signing in says what to
 * do next, above the demo banner and everything else. Over HTTP, signed in as
 * each demo role, on the demo data with UHMB's open month not started.
 */
let s: SheetApp;
let due: string;
let place: number;
let system: number;

beforeAll(async () => {
  s = await startSheetApp();
  const open = await s.read.row<{ ends_on: string }>(
    "select ends_on from assessment_period where id = ?",
    s.openPeriod,
  );
  due = formatDay(dueDateByRule(open.ends_on, { workingDay: 10 }));
  place = (await s.read.row<{ id: number }>("select id from place where name = 'Morecambe Bay'"))
    .id;
  system = (await s.read.row<{ id: number }>("select id from system")).id;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

/** A role signs in, is sent home, and gets the home's words, with the banner's place in them. */
async function home(email: string, expectedPath: string) {
  const visitor = await s.signInAs(email);
  const signIn = await s.get(visitor, "/sign-in");
  expect(signIn.status).toBe(302);
  expect(signIn.headers.get("location")).toBe(expectedPath);
  const response = await s.get(visitor, expectedPath);
  expect(response.status).toBe(200);
  const html = await response.text();
  const main = /<main[\s\S]*<\/main>/.exec(html)![0];
  const words = main
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
  // The banner still shows, once, below the home panel.
  expect(words.split("This site holds invented demonstration data").length - 1).toBe(1);
  return { visitor, html: main, words, bannerAt: words.indexOf("Demonstration data") };
}

describe("each role's home", () => {
  it("a champion: this month's state and due date, and one button on, above the banner", async () => {
    const { visitor, html, words, bannerAt } = await home(
      "champion@example.com",
      `/organisations/${s.uhmb}`,
    );
    const state = words.indexOf(`Not started, due ${due}`);
    expect(state).toBeGreaterThan(0);
    expect(state).toBeLessThan(bannerAt);
    expect(html).toMatch(
      new RegExp(
        `href="${s.sheetOf(s.uhmb)}"[^>]*class="nhsuk-button"|class="nhsuk-button"[^>]*href="${s.sheetOf(s.uhmb)}"`,
      ),
    );

    // Started, with one component not answered: Continue goes straight to it.
    expect((await s.post(visitor, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
    const assessment = (await s.assessmentOf(s.uhmb))!.id;
    await s.read.run(
      "update component_answer set answered_at = null where assessment_id = ? and component_id = '2.1'",
      assessment,
    );
    const after = await home("champion@example.com", `/organisations/${s.uhmb}`);
    expect(after.words).toContain(`15 of 16 answered, due ${due}`);
    const button = /<a[^>]*class="nhsuk-button"[^>]*>[\s\S]*?<\/a>/.exec(after.html)![0];
    expect(button).toContain(`href="${s.componentOf(s.uhmb, "2.1")}"`);
    expect(button.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "")).toMatch(/^Continue/);
  });

  it("a steering group member: what awaits review across the place, counted, one click from the queue", async () => {
    const { words, html, bannerAt } = await home("steering@example.com", `/places/${place}`);
    const count = /(\d+) components? from (\d+) organisations?/.exec(words);
    expect(count).not.toBeNull();
    expect(words.indexOf("Awaiting review")).toBeLessThan(bannerAt);
    expect(html).toContain(`href="/places/${place}/reviews"`);
    // The count is the queue's.
    const queue = await s.get(await s.signInAs("steering@example.com"), `/places/${place}/reviews`);
    const queueWords = (await queue.text()).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ");
    expect(queueWords.replace(/\s+/g, " ")).toContain(`${count![1]} component`);
  });

  it("a place lead: the month's returns due and not started, with the reminder one click away", async () => {
    const { words, html, bannerAt } = await home("place.lead@example.com", `/places/${place}`);
    expect(words).toMatch(new RegExp(`: due ${due} \\d+ of \\d+ submitted`));
    expect(words).toMatch(/\d+ in progress, \d+ not started/);
    expect(words.indexOf(`due ${due}`)).toBeLessThan(bannerAt);
    expect(html).toContain(`href="/places/${place}/reminders?period=${s.openPeriod}"`);
  });

  it("an administrator and a system reader: the latest final month and the current one", async () => {
    for (const [email, path] of [
      ["admin@example.com", "/admin"],
      ["system.reader@example.com", `/systems/${system}`],
    ] as const) {
      const { words, bannerAt } = await home(email, path);
      const final = words.indexOf("Latest final month");
      const current = words.indexOf("Current month");
      expect(final, email).toBeGreaterThan(0);
      expect(current, email).toBeGreaterThan(final);
      expect(bannerAt, email).toBeGreaterThan(current);
      expect(words, email).toMatch(
        /Current month \w+ \d{4} Due \d+ \w+ \d{4}; open for returns\. \d+ of \d+ submitted/,
      );
    }
  });
});
