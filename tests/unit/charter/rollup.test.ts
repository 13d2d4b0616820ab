import { beforeEach, describe, expect, it } from "vitest";
import type { ReturnRow } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { ALL, answers, ONE_EACH, ret } from "./returns";

const returned = (
  organisationId: number,
  fulfilled: string[],
  state: ReturnRow["state"] = "submitted",
) => ret(organisationId, state, answers(fulfilled));
import type { Charter } from "~/charter/schema";
import { placeRollup, placeTrend, SYSTEM_WIDE } from "~/charter/rollup";

// Loaded in each test, not while collecting: code run outside a test is
// "static" to Stryker, and each of its mutants would rerun every test (ADR 014).
let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const places = [
  { id: 1, name: "Bay" },
  { id: 2, name: "Coast" },
  { id: 3, name: "Empty place" },
];
const organisations = [
  { id: 10, name: "Bay Trust", type: "nhs_trust", placeId: 1 },
  { id: 11, name: "Bay Council", type: "local_authority", placeId: 1 },
  { id: 20, name: "Coast Trust", type: "nhs_trust", placeId: 2 },
  { id: 30, name: "Ambulance", type: "nhs_trust", placeId: null },
];
const counts = (rows: Array<{ bucket: string; count: number }>) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.bucket, r.count]));

describe("the ICS roll-up by place", () => {
  const rollup = () =>
    placeRollup(charter, places, organisations, [
      returned(10, ONE_EACH),
      returned(11, ALL, "draft"),
      returned(20, ALL),
      returned(30, []),
    ]);

  it("counts each place's levels, an empty place's nothing, and system-wide organisations apart", () => {
    expect(rollup().map((r) => [r.place.name, r.organisations, counts(r.levelCounts)])).toEqual([
      ["Bay", 2, { bronze: 1, not_submitted: 1 }],
      ["Coast", 1, { platinum: 1 }],
      ["Empty place", 0, {}],
      [SYSTEM_WIDE.name, 1, { no_level: 1 }],
    ]);
  });

  it("gives each place's heat-map row: the share of its returns meeting each level in each domain", () => {
    const bay = rollup()[0]!
      .domains.find((d) => d.domainNumber === 3)!
      .levels.map((l) => l.share);
    expect(bay).toEqual([1, 0, 0, 0]);
    const coast = rollup()[1]!
      .domains.find((d) => d.domainNumber === 3)!
      .levels.map((l) => l.share);
    expect(coast).toEqual([1, 1, 1, 1]);
    expect(rollup()[2]!.domains[0]!.levels[0]!.share).toBeNull();
  });

  it("leaves out the system-wide group when a system has none", () => {
    const withoutSystemWide = placeRollup(charter, places, organisations.slice(0, 3), []);
    expect(withoutSystemWide.map((r) => r.place.name)).toEqual(["Bay", "Coast", "Empty place"]);
  });
});

describe("the trend per place", () => {
  it("counts, per month, the returns submitted and those at or above a level", () => {
    const periods = [
      { id: 1, label: "April" },
      { id: 2, label: "May" },
    ];
    const submitted = [
      { organisationId: 10, periodId: 1, level: null },
      { organisationId: 10, periodId: 2, level: "bronze" },
      { organisationId: 11, periodId: 2, level: "gold" },
      { organisationId: 20, periodId: 2, level: "silver" },
      { organisationId: 30, periodId: 2, level: "platinum" },
    ];
    const trend = placeTrend(charter, {
      places,
      organisations,
      periods,
      submitted,
      level: "silver",
    });
    expect(
      trend.map((t) => [t.place.name, t.points.map((p) => [p.label, p.submitted, p.atLevel])]),
    ).toEqual([
      [
        "Bay",
        [
          ["April", 1, 0],
          ["May", 2, 1],
        ],
      ],
      [
        "Coast",
        [
          ["April", 0, 0],
          ["May", 1, 1],
        ],
      ],
      [
        "Empty place",
        [
          ["April", 0, 0],
          ["May", 0, 0],
        ],
      ],
      [
        SYSTEM_WIDE.name,
        [
          ["April", 0, 0],
          ["May", 1, 1],
        ],
      ],
    ]);
  });
});
