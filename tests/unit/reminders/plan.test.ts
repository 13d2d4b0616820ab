import { describe, expect, it } from "vitest";
import {
  lastReminded,
  planReminders,
  REMINDERS_PER_DAY,
  type ReminderCandidate,
} from "~/reminders/plan";

const organisation = (over: Partial<ReminderCandidate> & { id: number }): ReminderCandidate => ({
  name: `Organisation ${over.id}`,
  submitted: false,
  champions: 1,
  lastRemindedAt: null,
  remindedToday: 0,
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

  it(`reminds an organisation at most ${REMINDERS_PER_DAY} times in a UK day, confirmed or not`, () => {
    const twice = organisation({ id: 7, lastRemindedAt: "2026-12-07T09:00:00Z", remindedToday: 2 });
    const enough = organisation({
      id: 8,
      lastRemindedAt: "2026-12-07T10:00:00Z",
      remindedToday: REMINDERS_PER_DAY,
    });
    const more = organisation({ id: 9, lastRemindedAt: "2026-12-07T11:00:00Z", remindedToday: 7 });
    for (const confirmed of [false, true]) {
      const plan = planReminders([fresh, twice, enough, more], { confirmed });
      expect(ids(plan.send)).toEqual(confirmed ? [2, 7] : [2]);
      expect(ids(plan.held)).toEqual(confirmed ? [] : [7]);
      expect(ids(plan.enoughToday)).toEqual([8, 9]);
    }
    // Nobody to remind is not "reminded enough", and a submitted one is never reminded.
    const done = organisation({ id: 10, submitted: true, remindedToday: 9 });
    const none = organisation({ id: 11, champions: 0, remindedToday: 9 });
    const plan = planReminders([done, none], { confirmed: true });
    expect([ids(plan.send), ids(plan.enoughToday), ids(plan.withoutChampions)]).toEqual([
      [],
      [],
      [11],
    ]);
  });

  it("asks about the latest reminder among those held back, or none", () => {
    expect(lastReminded([remindedEarly, remindedLate])).toBe("2026-11-24T10:42:00.000Z");
    expect(lastReminded([remindedLate, remindedEarly])).toBe("2026-11-24T10:42:00.000Z");
    expect(lastReminded([fresh])).toBeNull();
    expect(lastReminded([])).toBeNull();
  });
});
