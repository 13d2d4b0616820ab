import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueDateByRule } from "~/periods/due-dates";
import { formatDay } from "~/utils/dates";
import type { Visitor } from "../../support/http";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * Administrators set when returns are due (issue 20): the rule (the Nth
 * working day of the next month) and a month's own date with a GOV.UK date
 * input, each audited in words; the month's pages and the reminders follow;
 * a closed month cannot be reminded.
 */
let s: SheetApp;
let admin: Visitor;
let placeLead: Visitor;
let champion: Visitor;
let open: { id: number; label: string; ends_on: string };
let place: number;

beforeAll(async () => {
  s = await startSheetApp();
  admin = await s.signInAs("admin@example.com");
  placeLead = await s.signInAs("place.lead@example.com");
  champion = await s.signInAs("champion@example.com");
  open = await s.read.row(
    "select id, label, ends_on from assessment_period where id = ?",
    s.openPeriod,
  );
  place = (await s.read.row<{ id: number }>("select id from place where name = 'Morecambe Bay'"))
    .id;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

const text = async (visitor: Visitor, path: string) =>
  (await (await s.get(visitor, path)).text())
    .replace(/<!-- -->/g, "")
    .replace(/<\/?(strong|span)[^>]*>/g, "")
    .replace(/&#x27;/g, "'");
const lastAudit = async () =>
  s.read.row<{ action: string; detail: string }>(
    "select action, detail from audit_event order by id desc limit 1",
  );

describe("the rule", () => {
  it("is shown, changed, audited, and moves every month without a date of its own", async () => {
    const byTen = formatDay(dueDateByRule(open.ends_on, { workingDay: 10 }));
    expect(await text(admin, "/admin/periods")).toContain(byTen);
    const refused = await s.post(admin, "/admin/periods", { intent: "dueRule", workingDay: "25" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Enter a working day from 1 to 20");

    const saved = await s.post(admin, "/admin/periods", { intent: "dueRule", workingDay: "12" });
    expect(saved.status).toBe(302);
    expect(await lastAudit()).toMatchObject({ action: "system.due_rule_set" });
    expect(JSON.parse((await lastAudit()).detail)).toEqual({ workingDay: 12, from: 10 });
    const byTwelve = formatDay(dueDateByRule(open.ends_on, { workingDay: 12 }));
    expect(await text(admin, "/admin/periods")).toContain(byTwelve);
    expect(await text(champion, s.sheetOf(s.uhmb))).toContain(`is due by ${byTwelve}`);
    const log = await text(admin, "/admin/audit");
    expect(log).toContain(
      "returns to be due on the 12th working day of the month after each month",
    );
  });
});

describe("a month's own date", () => {
  const form = (day: string, month: string, year: string) => ({
    intent: "dueDate",
    periodId: String(open.id),
    "dueOn-day": day,
    "dueOn-month": month,
    "dueOn-year": year,
  });

  it("is asked for with a date input and refused, changing nothing, when it is not a date", async () => {
    const page = await text(admin, `/admin/periods?dueDate=${open.id}`);
    expect(page).toContain(`When are ${open.label}'s returns due?`);
    for (const name of ["dueOn-day", "dueOn-month", "dueOn-year"])
      expect(page).toContain(`name="${name}"`);
    const cases: Array<[Record<string, string>, string]> = [
      [form("", "", ""), "Enter the due date"],
      [form("12", "", "2027"), "The due date must include a month"],
      [form("31", "2", "2027"), "The due date must be a real date"],
      [form("1", "1", "27"), "The due date must be a real date"],
      [form("1", "1", "2020"), "The due date must be between"],
    ];
    for (const [fields, message] of cases) {
      const refused = await s.post(admin, "/admin/periods", fields);
      expect(refused.status, message).toBe(400);
      const html = (await refused.text()).replace(/<!-- -->/g, "");
      expect(html, message).toContain(message);
      // The error summary links to the first field, which carries the date input's id.
      expect(html).toContain('href="#dueOn"');
    }
    const before = await s.post(admin, "/admin/periods", form("1", "1", "2021"));
    expect(before.status).toBe(400);
    expect(await before.text()).toContain("The due date must be on or after");
    const row = await s.read.row<{ due_on: string | null }>(
      "select due_on from assessment_period where id = ?",
      open.id,
    );
    expect(row.due_on).toBeNull();
  });

  it("overrides the rule when set, is audited in words, and gives way to the rule again", async () => {
    const [year, month] = open.ends_on.split("-").map(Number);
    const due = new Date(Date.UTC(year!, month!, 5)).toISOString().slice(0, 10);
    const [y, m, d] = due.split("-");
    const saved = await s.post(
      admin,
      "/admin/periods",
      form(String(Number(d)), String(Number(m)), y!),
    );
    expect(saved.status).toBe(302);
    expect(await lastAudit()).toMatchObject({ action: "period.due_date_set" });
    expect(JSON.parse((await lastAudit()).detail)).toMatchObject({ override: true, dueOn: due });
    expect(await text(champion, s.sheetOf(s.uhmb))).toContain(`is due by ${formatDay(due)}`);
    expect(await text(admin, "/admin/audit")).toContain(
      `set ${open.label}'s returns to be due on ${formatDay(due)}`,
    );
    const back = await s.post(admin, "/admin/periods", {
      intent: "dueByRule",
      periodId: String(open.id),
    });
    expect(back.status).toBe(302);
    const byRule = formatDay(dueDateByRule(open.ends_on, { workingDay: 12 }));
    expect(await text(champion, s.sheetOf(s.uhmb))).toContain(`is due by ${byRule}`);
  });
});

describe("reminders and due dates", () => {
  it("names the due date in the email and says who is not yet due", async () => {
    const page = await text(placeLead, `/places/${place}/reminders?period=${open.id}`);
    expect(page).toContain("Not yet due");
    const sent = await s.post(placeLead, `/places/${place}/reminders`, { period: String(open.id) });
    expect(sent.status).toBe(302);
    const email = await s.read.row<{ outbox_body: string }>(
      "select outbox_body from message where template = 'reminder' order by id desc limit 1",
    );
    const due = formatDay(dueDateByRule(open.ends_on, { workingDay: 12 }));
    expect(email.outbox_body.replace(/\s+/g, " ")).toContain(`It is due by ${due}.`);
  });

  it("says a return is overdue once the date has passed", async () => {
    await s.read.run("update assessment_period set due_on = ? where id = ?", "2021-01-01", open.id);
    const page = await text(placeLead, `/places/${place}/reminders?period=${open.id}`);
    expect(page).toContain("Overdue");
    expect(page).toContain("are still accepted until the month is closed");
    await s.read.run("update assessment_period set due_on = null where id = ?", open.id);
  });

  it("cannot be sent for a closed month: nothing is offered, and a post is refused", async () => {
    const closed = await s.read.row<{ id: number; label: string }>(
      "select id, label from assessment_period where status = 'closed' order by starts_on desc limit 1",
    );
    const messages = async () =>
      (await s.read.row<{ n: number }>("select count(*) as n from message")).n;
    const before = await messages();
    const page = await text(placeLead, `/places/${place}/reminders?period=${closed.id}`);
    expect(page).toContain(
      `${closed.label} is closed to returns, so no reminder can be sent for it`,
    );
    expect(page).not.toContain("Send reminders to");
    const refused = await s.post(placeLead, `/places/${place}/reminders`, {
      period: String(closed.id),
      confirm: "yes",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("is closed to returns");
    expect(await messages()).toBe(before);
  });
});
