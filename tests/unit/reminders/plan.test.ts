import { describe, expect, it } from "vitest";
import { lastReminded, planReminders, type ReminderCandidate } from "~/reminders/plan";

const organisation = (over: Partial<ReminderCandidate> & { id: number }): ReminderCandidate => ({
  name: `Organisation ${over.id}`,
  submitted: false,
  champions: 1,
  lastRemindedAt: null,
  ...over,
});

const submitted = organisation({ id: 1, submitted: true });
const fresh = organisation({ id: 2, champions: 2 });
const remindedEarly = organisation({ id: 3, lastRemindedAt: "2026-11-20T09:00:00.000Z" });
const remindedLate = organisation({ id: 4, lastRemindedAt: "2026-11-24T10:42:00.000Z" });
const nobody = organisation({ id: 5, champions: 0 });
const all = [submitted, fresh, remindedEarly, remindedLate, nobody];
const ids = (list: ReminderCandidate[]) => list.map((c) => c.id);

describe("who a reminder goes to", () => {
  it("the first time: every organisation not submitted that has a champion", () => {
    const plan = planReminders([submitted, fresh, nobody], { confirmed: false });
    expect(ids(plan.send)).toEqual([2]);
    expect(ids(plan.held)).toEqual([]);
    expect(ids(plan.withoutChampions)).toEqual([5]);
  });

  it("holds back those already reminded this period until the sender confirms", () => {
    const plan = planReminders(all, { confirmed: false });
    expect(ids(plan.send)).toEqual([2]);
    expect(ids(plan.held)).toEqual([3, 4]);
  });

  it("confirmed, sends to every one not submitted that has a champion, again or not", () => {
    const plan = planReminders(all, { confirmed: true });
    expect(ids(plan.send)).toEqual([2, 3, 4]);
    expect(ids(plan.held)).toEqual([]);
    expect(ids(plan.withoutChampions)).toEqual([5]);
  });

  it("never reminds an organisation that has submitted, even if reminded before", () => {
    const late = organisation({ id: 6, submitted: true, lastRemindedAt: "2026-11-24T10:42:00Z" });
    for (const confirmed of [false, true]) {
      const plan = planReminders([late], { confirmed });
      expect([...plan.send, ...plan.held, ...plan.withoutChampions]).toEqual([]);
    }
  });

  it("asks about the latest reminder among those held back, or none", () => {
    expect(lastReminded([remindedEarly, remindedLate])).toBe("2026-11-24T10:42:00.000Z");
    expect(lastReminded([remindedLate, remindedEarly])).toBe("2026-11-24T10:42:00.000Z");
    expect(lastReminded([fresh])).toBeNull();
    expect(lastReminded([])).toBeNull();
  });
});
