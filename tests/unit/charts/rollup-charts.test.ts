import { beforeEach, describe, expect, it } from "vitest";
import { bucketLabels } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { placeRollup, placeTrend } from "~/charter/rollup";
import type { Charter } from "~/charter/schema";
import { type LabelledDataset, spreadApart } from "~/charts/direct-labels";
import { CATEGORICAL, POINT_STYLES } from "~/charts/palette";
import { placeLevelsChart, placeLevelsTitle } from "~/charts/place-levels";
import { placeTrendChart, placeTrendTitle } from "~/charts/place-trend";
import { answers, ONE_EACH, ret, TWO_EACH } from "../charter/returns";

let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const places = [
  { id: 1, name: "Bay" },
  { id: 2, name: "Coast" },
];
/** Bay: 1 bronze, 2 silver, 3 no return. Coast: 4 a draft. 5 is system-wide, silver. */
const organisations = [
  { id: 1, name: "A", type: "nhs_trust", placeId: 1 },
  { id: 2, name: "B", type: "nhs_trust", placeId: 1 },
  { id: 3, name: "C", type: "nhs_trust", placeId: 1 },
  { id: 4, name: "D", type: "nhs_trust", placeId: 2 },
  { id: 5, name: "E", type: "nhs_trust", placeId: null },
];

function levelsFigures() {
  const returns = [
    ret(1, "submitted", answers(ONE_EACH)),
    ret(2, "submitted", answers(TWO_EACH)),
    ret(4, "draft", answers(TWO_EACH)),
    ret(5, "submitted", answers(TWO_EACH)),
  ];
  const rollup = placeRollup(charter, places, organisations, returns);
  return {
    periodLabel: "May 2026",
    levelIds: charter.levels.map((l) => l.id),
    buckets: [...bucketLabels(charter)].map(([bucket, label]) => ({ bucket, label })),
    places: rollup.map((r) => ({ name: r.place.name, counts: r.levelCounts.map((c) => c.count) })),
  };
}

describe("levels held by place, as stacked bars", () => {
  it("stacks a segment per bucket for each place, each segment written with its mark and count", () => {
    const spec = placeLevelsChart(levelsFigures());
    expect(spec.config.data.labels).toEqual(["Bay", "Coast", "System-wide organisations"]);
    const datasets = spec.config.data.datasets as Array<LabelledDataset<"bar">>;
    expect(datasets.map((d) => d.label)).toEqual([
      "NR: No return this period",
      "NS: Not yet submitted",
      "NL: No level yet",
      "B: Bronze",
      "S: Silver",
      "G: Gold",
      "P: Platinum",
    ]);
    const bronze = datasets[3]!;
    const silver = datasets[4]!;
    expect(bronze.data).toEqual([1, 0, 0]);
    expect(silver.data).toEqual([1, 0, 1]);
    expect(silver.directLabels).toEqual(["S 1", null, "S 1"]);
    expect(datasets[0]!.directLabels).toEqual(["NR 1", null, null]);
    expect(bronze.labelPlacement).toBe("inside");
    // Dark segments carry white words, light ones dark words.
    expect(datasets[6]!.labelColour).toBe("#ffffff");
    expect(bronze.labelColour).toBe("#212b32");
    const x = spec.config.options?.scales?.x as { stacked: boolean };
    expect(x.stacked).toBe(true);
  });

  it("counts the organisations at the lowest level or above across the system in its title", () => {
    expect(placeLevelsTitle(levelsFigures())).toBe(
      "3 of 5 organisations in the system hold Bronze or above in May 2026",
    );
    expect(placeLevelsChart(levelsFigures()).label).toMatch(/^Stacked bar chart/);
  });
});

function trendFigures() {
  const months = [
    { id: 1, label: "April 2026" },
    { id: 2, label: "May 2026" },
  ];
  const rows = placeTrend(charter, {
    places,
    organisations,
    periods: months,
    submitted: [
      { organisationId: 1, periodId: 1, level: null },
      { organisationId: 1, periodId: 2, level: "bronze" },
      { organisationId: 2, periodId: 2, level: "silver" },
      { organisationId: 5, periodId: 1, level: "silver" },
      { organisationId: 5, periodId: 2, level: "silver" },
    ],
    level: "bronze",
  });
  return {
    levelName: "Bronze",
    months,
    places: rows.map((r) => ({ name: r.place.name, points: r.points })),
  };
}

describe("trend by place, as lines", () => {
  it("draws a line per place with its own colour, shape and dash, a gap where it returned nothing", () => {
    const spec = placeTrendChart(trendFigures());
    expect(spec.config.data.labels).toEqual(["April 2026", "May 2026"]);
    const datasets = spec.config.data.datasets as Array<LabelledDataset<"line">>;
    expect(datasets.map((d) => d.label)).toEqual(["Bay", "Coast", "System-wide organisations"]);
    expect(datasets.map((d) => d.data)).toEqual([
      [0, 2],
      [null, null],
      [1, 1],
    ]);
    expect(datasets.map((d) => d.borderColor)).toEqual(CATEGORICAL.slice(0, 3));
    expect(datasets.map((d) => d.pointStyle)).toEqual(POINT_STYLES.slice(0, 3));
    expect(new Set(datasets.map((d) => JSON.stringify(d.borderDash))).size).toBe(3);
    expect(datasets[0]!.labelPlacement).toBe("last");
    expect(datasets[0]!.directLabels).toEqual(["Bay", "Bay"]);
    // Room for the names at the lines' ends, except on a narrow screen, where the legend names them.
    const padding = spec.config.options?.layout?.padding as (c: unknown) => { right: number };
    expect(padding({ chart: { width: 720 } }).right).toBe(180);
    expect(padding({ chart: { width: 390 } }).right).toBeLessThan(20);
  });

  it("states the latest month's total against the month before", () => {
    const f = trendFigures();
    expect(placeTrendTitle(f)).toBe(
      "3 returns at Bronze or above in May 2026, up from 1 in April 2026",
    );
    const reversed = {
      ...f,
      months: [...f.months].reverse(),
      places: f.places.map((p) => ({ ...p, points: [...p.points].reverse() })),
    };
    expect(placeTrendTitle(reversed)).toBe(
      "1 return at Bronze or above in April 2026, down from 3 in May 2026",
    );
    expect(placeTrendTitle({ ...f, months: [] })).toBe("No months to show yet");
    // A month still open is counted so far and not compared as if it were finished.
    const open = { ...f, months: [f.months[0]!, { ...f.months[1]!, provisional: true }] };
    expect(placeTrendTitle(open)).toBe(
      "3 returns at Bronze or above so far in May 2026; 1 in April 2026",
    );
    expect(placeTrendTitle({ ...f, months: f.months.slice(0, 1) })).toBe(
      "1 return at Bronze or above in April 2026",
    );
  });
});

describe("names at the ends of lines", () => {
  it("are spread apart when lines end at the same height, and left alone otherwise", () => {
    const spread = spreadApart(
      [
        { text: "b", y: 100 },
        { text: "a", y: 100 },
        { text: "c", y: 200 },
      ],
      18,
    );
    expect(spread.map((l) => l.y)).toEqual([100, 118, 200]);
  });
});
