import { requiredPerDomain } from "../../app/charter/level-rule";
import type { Charter } from "../../app/charter/schema";

/**
 * The story the demo tells, organisation by organisation (ADR 023): how many
 * components each has fulfilled month by month over two years, and where its
 * returns stand now. Levels are never written here: they follow from the
 * fulfilled components through computeLevel, and the order components are
 * fulfilled in (`fulfilmentOrder`) is chosen so that a count reads as a level:
 * under 6 no level, 6 bronze, 12 silver, 13 gold, 16 platinum.
 *
 * Month 0 is two years ago; the last month is the current, open one.
 */
export type Course = {
  /** The first month with a return. */
  joins: number;
  /** Fulfilled components at checkpoints [month, count], straight lines between. */
  path: Array<[number, number]>;
  /** Components fulfilled this month, if different from the path: the one that moved down. */
  thisMonth?: number;
  /** This month's sheet. */
  now: "submitted" | "draft" | "not started";
  /**
   * Last month's return: submitted before its due date, after it (late: if the
   * due date has not passed yet, it is sent as late as today allows), left a
   * draft, or none.
   */
  lastMonth: "on time" | "late" | "draft" | "none";
  /** The month before last, if its return was late (after the due date, always past by now). */
  monthBefore?: "late";
};

export const demoCourses: Record<string, Course> = {
  // Morecambe Bay
  "Morecambe Bay CCG": {
    joins: 0,
    path: [
      [0, 3],
      [10, 8],
      [20, 12],
      [23, 13],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  "University Hospitals of Morecambe Bay NHS Foundation Trust": {
    joins: 0,
    path: [
      [0, 5],
      [8, 7],
      [16, 11],
      [21, 12],
      [23, 13],
    ],
    now: "draft",
    lastMonth: "on time",
  },
  "Lancaster District Council": {
    joins: 2,
    path: [
      [2, 1],
      [14, 5],
      [20, 6],
      [23, 7],
    ],
    now: "submitted",
    lastMonth: "late",
    monthBefore: "late",
  },
  "Barrow Borough Council": {
    joins: 15,
    path: [
      [15, 1],
      [23, 4],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  "South Lakeland District Council": {
    joins: 0,
    path: [
      [0, 6],
      [8, 12],
      [14, 13],
      [19, 16],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  // The one that moved down: its estates partnership lapsed, so it lost gold this month.
  "Lancaster University": {
    joins: 0,
    path: [
      [0, 4],
      [12, 12],
      [18, 13],
    ],
    thisMonth: 12,
    now: "submitted",
    lastMonth: "on time",
  },
  "University of Cumbria": {
    joins: 3,
    path: [
      [3, 2],
      [15, 6],
      [21, 7],
    ],
    now: "not started",
    lastMonth: "draft",
  },
  // Fylde Coast
  "Blackpool Teaching Hospitals NHS Foundation Trust": {
    joins: 0,
    path: [
      [0, 2],
      [12, 6],
      [22, 9],
    ],
    now: "not started",
    lastMonth: "on time",
  },
  "NHS Blackpool CCG": {
    joins: 1,
    path: [
      [1, 6],
      [23, 12],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  // Pennine Lancashire
  "East Lancashire Hospitals NHS Trust": {
    joins: 0,
    path: [
      [0, 7],
      [16, 13],
      [23, 14],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  "NHS Blackburn with Darwen CCG": {
    joins: 4,
    path: [
      [4, 3],
      [22, 8],
    ],
    now: "draft",
    lastMonth: "none",
  },
  // Central Lancashire
  "Lancashire Teaching Hospitals NHS Foundation Trust": {
    joins: 0,
    path: [
      [0, 10],
      [12, 16],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  "Central Lancashire CCGs": {
    joins: 0,
    path: [
      [0, 4],
      [23, 12],
    ],
    now: "submitted",
    lastMonth: "late",
    monthBefore: "late",
  },
  "University of Central Lancashire": {
    joins: 10,
    path: [
      [10, 0],
      [23, 5],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  // West Lancashire
  "NHS West Lancashire CCG": {
    joins: 6,
    path: [
      [6, 2],
      [23, 7],
    ],
    now: "draft",
    lastMonth: "on time",
  },
  // System-wide
  "Lancashire and South Cumbria NHS Foundation Trust": {
    joins: 0,
    path: [
      [0, 6],
      [20, 12],
    ],
    now: "submitted",
    lastMonth: "on time",
  },
  "North West Ambulance Service NHS Trust": {
    joins: 0,
    path: [
      [0, 4],
      [23, 9],
    ],
    now: "draft",
    lastMonth: "on time",
  },
  "Lancashire County Council": {
    joins: 5,
    path: [
      [5, 1],
      [20, 6],
    ],
    now: "not started",
    lastMonth: "on time",
  },
};

export type DemoFile = {
  key: string;
  organisation: string;
  name: string;
  /** The component it backs: this position in the organisation's fulfilment order. */
  componentAt: number;
  /** The month it was uploaded (0 = two years ago), backing that component from then on. */
  from: number;
};

/** Two documents, uploaded as PDFs: one shared as good practice. */
export const demoFiles: DemoFile[] = [
  {
    key: "uhmb-report",
    organisation: "University Hospitals of Morecambe Bay NHS Foundation Trust",
    name: "Anchor programme progress report (demonstration).pdf",
    componentAt: 0,
    from: 17,
  },
  {
    key: "lancaster-university-plan",
    organisation: "Lancaster University",
    name: "Community partnership plan (demonstration).pdf",
    componentAt: 3,
    from: 12,
  },
];

/** Narrative items shared as good practice, by organisation and position in its fulfilment order. */
export const sharedNarratives: Record<string, number> = {
  "University Hospitals of Morecambe Bay NHS Foundation Trust": 1,
  "Morecambe Bay CCG": 0,
  "South Lakeland District Council": 15,
  "Lancashire and South Cumbria NHS Foundation Trust": 0,
  "NHS Blackpool CCG": 1,
  "East Lancashire Hospitals NHS Trust": 2,
  "Lancashire Teaching Hospitals NHS Foundation Trust": 13,
};

/** Queries the steering group raised, by organisation, months before the current one, and position. */
export const queries: Array<{
  organisation: string;
  monthsAgo: number;
  position: number;
  comment: string;
}> = [
  {
    organisation: "Lancaster University",
    monthsAgo: 1,
    position: 12,
    comment: "The agreement attached ended last month. Is a new one in place?",
  },
  {
    organisation: "Morecambe Bay CCG",
    monthsAgo: 0,
    position: 12,
    comment: "Please attach the place estates group minutes that show this was agreed.",
  },
  {
    organisation: "Lancashire and South Cumbria NHS Foundation Trust",
    monthsAgo: 0,
    position: 4,
    comment: "Could you add this year's figures to the narrative?",
  },
];

/**
 * Champions' replies to the queries above, waiting for the steering group
 * (the reviewer is emailed; the reply heads the place's review queue).
 */
export const queryReplies: Array<{ organisation: string; monthsAgo: number; body: string }> = [
  {
    organisation: "Morecambe Bay CCG",
    monthsAgo: 0,
    body: "The place estates group agreed this at its meeting on 4 November (item 6). Its minutes are published next week and I will add them then.",
  },
];

/**
 * A component that lapsed for one month and came back as it was: fulfilled
 * and verified two months ago, in progress last month, fulfilled again now
 * with the same evidence. The review queue offers it as "unchanged since last
 * verified", with the comparison.
 */
export const lapsedLastMonth: Array<{ organisation: string; position: number }> = [
  // Barrow has no level yet either way, so the lapse moves no level.
  { organisation: "Barrow Borough Council", position: 1 },
];

/** Organisations whose steering group has verified every fulfilled component not queried. */
export const fullyVerified = new Set([
  "South Lakeland District Council",
  "Lancaster District Council",
]);

export const actionByDomain: Record<number, { description: string; owner: string }> = {
  1: { description: "Agree the approach with the people team", owner: "Director of People" },
  2: {
    description: "Add local social value to the procurement policy",
    owner: "Head of Procurement",
  },
  3: { description: "Map estate that could serve the community", owner: "Director of Estates" },
  4: { description: "Set this year's sustainability targets", owner: "Sustainability lead" },
  5: { description: "Present progress at the place anchor network", owner: "Partnerships manager" },
  6: {
    description: "Agree with public health whom to reach first",
    owner: "Health inequalities lead",
  },
};

/** How many components the organisation has fulfilled in a month (0 = two years ago). */
export function fulfilledCount(course: Course, month: number, lastMonth: number): number {
  if (month === lastMonth && course.thisMonth !== undefined) return course.thisMonth;
  const points = course.path;
  const [firstMonth, firstCount] = points[0]!;
  if (month <= firstMonth) return firstCount;
  for (let i = 1; i < points.length; i++) {
    const [toMonth, toCount] = points[i]!;
    const [fromMonth, fromCount] = points[i - 1]!;
    if (month <= toMonth) {
      return Math.floor(
        fromCount + ((toCount - fromCount) * (month - fromMonth)) / (toMonth - fromMonth),
      );
    }
  }
  return points[points.length - 1]![1];
}

/**
 * The order an organisation fulfils components in: one in each domain first
 * (bronze), then a second in each (silver), then what over half needs beyond
 * that (gold), then the rest (platinum). Within those steps the order is the
 * organisation's own (shuffled), so the gaps differ from one to the next.
 */
export function fulfilmentOrder(charter: Charter, random: () => number): string[] {
  const domains = charter.domains.map((d) =>
    shuffle(
      d.components.map((c) => c.id),
      random,
    ),
  );
  const steps: string[][] = [];
  for (const level of charter.levels) {
    const step: string[] = [];
    charter.domains.forEach((domain, index) => {
      const needed = requiredPerDomain(level.rule, domain.components.length);
      const list = domains[index]!;
      while (list.length > domain.components.length - needed) step.push(list.shift()!);
    });
    steps.push(shuffle(step, random));
  }
  return steps.flat();
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const list = [...items];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Deterministic, so every fresh demo shows the same picture. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
