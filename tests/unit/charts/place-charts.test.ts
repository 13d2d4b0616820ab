import { beforeEach, describe, expect, it } from "vitest";
import { bucketLabels, componentCoverage, levelCounts, standings } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import type { Charter } from "~/charter/schema";
import { coverageChart, coverageTitle } from "~/charts/coverage";
import type { LabelledDataset } from "~/charts/direct-labels";
import { levelCountsChart, levelCountsTitle } from "~/charts/level-counts";
import { answers, ONE_EACH, ret, TWO_EACH } from "../charter/returns";

/**
 * A place of four: A bronze, B silver, C a draft, D no return. The chart
 * functions take the aggregation layer's figures as the page does.
 */
let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const organisations = ["A", "B", "C", "D"].map((name, i) => ({
  id: i + 1,
  name,
  type: "nhs_trust",
  placeId: 1,
}));

function figures() {
  const returns = [
    ret(1, "submitted", answers(ONE_EACH)),
    ret(2, "submitted", answers(TWO_EACH)),
    ret(3, "draft", answers(TWO_EACH)),
  ];
  const labels = bucketLabels(charter);
  return {
    returns,
    levels: {
      periodLabel: "May 2026",
      levelIds: charter.levels.map((l) => l.id),
      rows: levelCounts(charter, standings(charter, organisations, returns)).map((c) => ({
        ...c,
        label: labels.get(c.bucket)!,
      })),
    },
  };
}

describe("levels held in a place, as a bar chart", () => {
  it("has one bar per bucket, in order, with the counts written beside them", () => {
    const spec = levelCountsChart(figures().levels);
    expect(spec.config.data.labels).toEqual([
      "No return this period",
      "Not yet submitted",
      "No level yet",
      "Bronze",
      "Silver",
      "Gold",
      "Platinum",
    ]);
    const [dataset] = spec.config.data.datasets as Array<LabelledDataset<"bar">>;
    expect(dataset!.data).toEqual([1, 1, 0, 1, 1, 0, 0]);
    expect(dataset!.directLabels).toEqual(["1", "1", "0", "1", "1", "0", "0"]);
    expect(spec.config.options?.indexAxis).toBe("y");
  });

  it("states its message in the title and the accessible name", () => {
    const spec = levelCountsChart(figures().levels);
    expect(spec.title).toBe("2 of 4 organisations hold Bronze or above in May 2026");
    expect(spec.label).toContain(spec.title);
    expect(spec.label).toMatch(/^Bar chart of how many organisations hold each level/);
  });

  it("says so when nobody holds a level, and speaks of one organisation in the singular", () => {
    const f = figures().levels;
    const none = {
      ...f,
      rows: f.rows.map((r) => ({ ...r, count: r.bucket === "no_return" ? 3 : 0 })),
    };
    expect(levelCountsTitle(none)).toBe(
      "None of the 3 organisations holds Bronze or above in May 2026",
    );
    const one = { ...f, rows: f.rows.map((r) => ({ ...r, count: r.bucket === "gold" ? 1 : 0 })) };
    expect(levelCountsTitle(one)).toBe("1 of 1 organisation holds Bronze or above in May 2026");
  });

  it("colours levels on a blue scale darkening with rank, greys for the rest, all outlined", () => {
    const [dataset] = levelCountsChart(figures().levels).config.data.datasets as Array<
      LabelledDataset<"bar">
    >;
    const fills = dataset!.backgroundColor as string[];
    expect(fills.slice(0, 3)).toEqual(["#ffffff", "#e8edee", "#aeb7bd"]);
    expect(fills.slice(3)).toEqual(["#c1dbf3", "#6bace6", "#2073bc", "#12436d"]);
    expect(new Set(fills).size).toBe(7);
    // Never metallic colours: a level is a shade of one blue and its name, not a "gold" fill.
    for (const metal of ["#cd7f32", "#c0c0c0", "#ffd700", "#e5e4e2"])
      expect(fills).not.toContain(metal);
    expect(dataset!.borderWidth).toBe(1);
  });
});

describe("coverage of each component, as a bar chart", () => {
  it("has a bar per component: the share fulfilled, written as 'n of m'", () => {
    const coverage = componentCoverage(charter, figures().returns);
    const spec = coverageChart({ periodLabel: "May 2026", rows: coverage });
    expect(spec.config.data.labels).toHaveLength(16);
    // Long names are wrapped onto lines, never cut with "…" (issue 19): every word is there.
    const labels = spec.config.data.labels as string[][];
    expect(labels[0]).toEqual(["1.1 Widening workforce", "participation"]);
    expect(labels[7]!.join(" ")).toBe(
      "3.3 Working in partnership across a place to maximise the wider value of NHS estates",
    );
    expect(labels.flat().some((line) => line.includes("…"))).toBe(false);
    expect(labels.flat().every((line) => line.length <= 34)).toBe(true);
    const [dataset] = spec.config.data.datasets as Array<LabelledDataset<"bar">>;
    // A and B submitted: x.1 fulfilled by both, x.2 by B only, the rest by neither.
    expect(dataset!.data.slice(0, 3)).toEqual([100, 50, 0]);
    expect(dataset!.directLabels?.slice(0, 3)).toEqual(["2 of 2", "1 of 2", "0 of 2"]);
    expect(spec.height).toBeGreaterThan(16 * 24);
  });

  it("counts the components fulfilled by at least half the returns in its title", () => {
    const coverage = componentCoverage(charter, figures().returns);
    expect(coverageTitle({ periodLabel: "May 2026", rows: coverage })).toBe(
      "12 of 16 components are fulfilled by at least half the returns for May 2026",
    );
    expect(coverageTitle({ periodLabel: "May 2026", rows: componentCoverage(charter, []) })).toBe(
      "No returns to cover for May 2026 yet",
    );
  });

  it("names components in full where there is room, and by number on a narrow screen", () => {
    const coverage = componentCoverage(charter, figures().returns);
    const y = coverageChart({ periodLabel: "May 2026", rows: coverage }).config.options?.scales
      ?.y as { ticks: { callback: (this: unknown, value: unknown, index: number) => string } };
    const at = (width: number, index: number) =>
      y.ticks.callback.call({ chart: { width } }, index, index);
    expect(at(720, 0)).toEqual(["1.1 Widening workforce", "participation"]);
    expect(at(390, 0)).toBe("1.1");
    expect(at(390, 15)).toBe("6.3");
  });
});
