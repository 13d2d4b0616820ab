import { beforeEach, describe, expect, it } from "vitest";
import { trend } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import type { Charter } from "~/charter/schema";
import { computeLevel } from "~/charter/scoring";
import { domainProgressChart, domainProgressTitle } from "~/charts/domain-progress";
import { levelTrendChart, levelTrendTitle } from "~/charts/level-trend";
import type { LabelledDataset } from "~/charts/direct-labels";
import { ALL, answers, ONE_EACH, ret, TWO_EACH } from "../charter/returns";

let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const months = ["March 2026", "April 2026", "May 2026", "June 2026"].map((label, i) => ({
  id: i + 1,
  label,
}));

/** Bronze in March, nothing in April, gold in May (all but 3.3 fulfilled is not platinum), a draft in June. */
function figures() {
  const gold = ALL.filter((id) => id !== "3.3");
  const returns = [
    { ...ret(7, "submitted", answers(ONE_EACH)), periodId: 1 },
    { ...ret(7, "submitted", answers(gold)), periodId: 3 },
    { ...ret(7, "draft", answers(TWO_EACH)), periodId: 4 },
  ];
  return {
    levels: charter.levels.map((l) => ({ id: l.id, name: l.name })),
    points: trend(charter, 7, months, returns),
  };
}

describe("an organisation's level by month, as a line", () => {
  it("plots each submitted month's level as its rank, with gaps where none was submitted", () => {
    const spec = levelTrendChart(figures());
    expect(spec.config.type).toBe("line");
    expect(spec.config.data.labels).toEqual(months.map((m) => m.label));
    const [dataset] = spec.config.data.datasets as Array<LabelledDataset<"line">>;
    const goldRank = charter.levels.findIndex((l) => l.id === "gold") + 1;
    expect(dataset!.data).toEqual([1, null, goldRank, null]);
    expect(dataset!.spanGaps).toBe(false);
  });

  it("names the levels on the value axis, from no level up", () => {
    const y = levelTrendChart(figures()).config.options?.scales?.y as {
      max: number;
      ticks: { callback: (value: number) => string };
    };
    expect(y.max).toBe(4);
    expect([0, 1, 2, 3, 4].map((v) => y.ticks.callback(v))).toEqual([
      "No level yet",
      "Bronze",
      "Silver",
      "Gold",
      "Platinum",
    ]);
  });

  it("states the latest submitted level against the one before", () => {
    const f = figures();
    expect(levelTrendTitle(f)).toBe("Gold in May 2026, up from Bronze in March 2026");
    const down = { ...f, points: [...f.points].reverse() };
    expect(levelTrendTitle(down)).toBe("Bronze in March 2026, down from Gold in May 2026");
    const once = { ...f, points: f.points.slice(0, 2) };
    expect(levelTrendTitle(once)).toBe(
      "Bronze in March 2026, the only month submitted of the last 2",
    );
    const none = { ...f, points: f.points.slice(1, 2) };
    expect(levelTrendTitle(none)).toBe("No month submitted of the last 1");
    const same = { ...f, points: [f.points[0]!, f.points[0]!] };
    expect(levelTrendTitle(same)).toBe("Bronze in March 2026, as in March 2026");
    expect(levelTrendChart(f).label).toContain("Gold in May 2026");
  });
});

describe("an organisation's progress in each domain, as bars", () => {
  it("has a bar per domain with 'fulfilled of total' written beside it", () => {
    const self = computeLevel(charter, TWO_EACH);
    const spec = domainProgressChart({ periodLabel: "May 2026", domains: self.byDomain });
    expect(spec.config.data.labels).toEqual(charter.domains.map((d) => `${d.number}. ${d.title}`));
    const [dataset] = spec.config.data.datasets as Array<LabelledDataset<"bar">>;
    expect(dataset!.data).toEqual([2, 2, 2, 2, 2, 2]);
    expect(dataset!.directLabels).toEqual([
      "2 of 3",
      "2 of 2",
      "2 of 4",
      "2 of 2",
      "2 of 2",
      "2 of 3",
    ]);
    expect((spec.config.options?.scales?.x as { max: number }).max).toBe(4);
    const y = spec.config.options?.scales?.y as {
      ticks: { callback: (this: unknown, value: unknown, index: number) => string };
    };
    expect(y.ticks.callback.call({ chart: { width: 390 } }, 2, 2)).toBe("Domain 3");
    expect(y.ticks.callback.call({ chart: { width: 720 } }, 2, 2)).toBe(
      "3. Expanding community access to NHS property",
    );
  });

  it("adds up the components and the complete domains in its title", () => {
    const title = (fulfilled: string[]) =>
      domainProgressTitle({
        periodLabel: "May 2026",
        domains: computeLevel(charter, fulfilled).byDomain,
      });
    expect(title(TWO_EACH)).toBe(
      "12 of 16 components fulfilled in May 2026, 3 of 6 domains complete",
    );
    expect(title([])).toBe("0 of 16 components fulfilled in May 2026, no domain complete yet");
    expect(title(ALL)).toBe("16 of 16 components fulfilled in May 2026, every domain complete");
  });
});
