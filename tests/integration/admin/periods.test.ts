import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visitor } from "../../support/http";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * An administrator closes a month to returns and opens it again. The words
 * are never "reopen", which belongs to a submitted return: a person choosing
 * between the two must not mistake one for the other.
 */
let s: SheetApp;
let admin: Visitor;
let champion: Visitor;

beforeAll(async () => {
  s = await startSheetApp();
  admin = await s.signInAs("admin@example.com");
  champion = await s.signInAs("champion@example.com");
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

const statusOf = async (periodId: number) =>
  (
    await s.read.row<{ status: string }>(
      "select status from assessment_period where id = ?",
      periodId,
    )
  ).status;

describe("closing a month to returns and opening it again", () => {
  it("offers to close an open month in words that never say reopen", async () => {
    const html = await (await s.get(admin, "/admin/periods")).text();
    expect(html).toContain("Close to returns");
    expect(html).toContain("Open for returns");
    expect(html).not.toMatch(/reopen/i);
  });

  it("closes the month: the champion can no longer start it, and it opens again", async () => {
    const closed = await s.post(admin, "/admin/periods", {
      intent: "close",
      periodId: String(s.openPeriod),
    });
    expect(closed.status).toBe(302);
    expect(await statusOf(s.openPeriod)).toBe("closed");
    const page = await (await s.get(admin, "/admin/periods")).text();
    expect(page).toContain("Closed to returns");
    expect(page).toContain("Open to returns again");

    const refused = await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await s.assessmentOf(s.uhmb)).toBeUndefined();

    const opened = await s.post(admin, "/admin/periods", {
      intent: "openAgain",
      periodId: String(s.openPeriod),
    });
    expect(opened.status).toBe(302);
    expect(await statusOf(s.openPeriod)).toBe("open");
    expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
    expect(await s.assessmentOf(s.uhmb)).toBeDefined();
  });

  it("refuses the old word and junk with a message, changing nothing", async () => {
    for (const intent of ["reopen", "", "delete"]) {
      const answer = await s.post(admin, "/admin/periods", {
        intent,
        periodId: String(s.openPeriod),
      });
      expect(answer.status).toBe(400);
    }
    expect(await statusOf(s.openPeriod)).toBe("open");
  });

  it("lets nobody but an administrator close a month", async () => {
    const answer = await s.post(champion, "/admin/periods", {
      intent: "close",
      periodId: String(s.openPeriod),
    });
    expect(answer.status).toBe(403);
    expect(await statusOf(s.openPeriod)).toBe("open");
  });
});
