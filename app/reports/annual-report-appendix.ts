import type { Held } from "~/charter/aggregation";
import { type Block, heading, list, pageBreak, paragraph } from "~/documents/blocks";
import type { AnnualReport } from "./annual-report";
import { reportTable } from "./sections";

/**
 * The appendix: each organisation by name. A submitted return has its page:
 * its levels, the change since a year before, components fulfilled by domain,
 * its actions and its sheet in short. An organisation without a submitted
 * return says so in a sentence (no return, or not yet submitted) and shows
 * nothing of a draft: there is no table of sixteen empty rows.
 */

const statusWords = {
  fulfilled: "Fulfilled",
  in_progress: "In progress",
  not_started: "Not started",
};

export function reviewWords(status: string, review: string) {
  if (status !== "fulfilled") return "";
  if (review === "verified") return "Verified";
  if (review === "queried") return "Queried";
  if (review === "changed since review") return "Changed since review";
  return "Self-assessed";
}

/** What an organisation held in a month, in words: a level, "no level yet", or why there is none. */
export function heldWords(held: Held, levelName: (id: string | null) => string): string {
  switch (held.kind) {
    case "level":
      return held.level
        ? levelName(held.level)
        : "no level yet (a submitted return below the first level)";
    case "not submitted":
      return held.state === "reopened"
        ? "reopened and not submitted again"
        : "a draft, not submitted";
    case "no return":
      return "no return";
  }
}

type Entry = AnnualReport["appendix"][number];

function movementWords(o: Entry): string {
  if (o.movement === "up") return "Moved up.";
  if (o.movement === "down") return "Moved down.";
  if (o.movement === "same") return "The same level.";
  return o.returnState === "submitted"
    ? "Not compared: no submitted return a year before."
    : "Not compared.";
}

function yearBefore(r: AnnualReport, o: Entry, levelName: (id: string | null) => string) {
  if (!r.periodBefore) return "There is no month a year before to compare with.";
  return `A year before (${r.periodBefore}): ${heldWords(o.before, levelName)}. ${movementWords(o)}`;
}

function entry(
  r: AnnualReport,
  o: Entry,
  levelName: (id: string | null) => string,
  first: boolean,
): Block[] {
  const month = r.periodNow ?? "this year";
  const f = o.figures;
  if (!f) {
    const state =
      o.returnState === "none"
        ? `No return for ${month}.`
        : o.returnState === "reopened"
          ? `${month} was reopened for changes and has not been submitted again: it is not reported until it is.`
          : `${month} has not been submitted${r.provisional ? " yet" : ""}: a return is not reported until it is submitted.`;
    return [
      heading(3, o.organisation.name),
      paragraph(
        `${state} ${yearBefore(r, o, levelName)} Place: ${o.organisation.placeName ?? "serves the whole system"}.`,
      ),
    ];
  }
  return [
    // A page each, but the first shares the appendix's opening page rather than leave it near-empty.
    ...(first ? [] : [pageBreak()]),
    heading(3, o.organisation.name),
    list(
      [
        `Place: ${o.organisation.placeName ?? "serves the whole system"}`,
        `Return for ${month}: submitted${r.provisional ? " (the month is provisional)" : ""}`,
        `Level: ${o.level} self-assessed, ${o.verifiedLevel} verified`,
        yearBefore(r, o, levelName),
        `Components fulfilled by domain: ${f.domains.map((d) => `domain ${d.number}, ${d.fulfilled} of ${d.total}`).join("; ")}`,
        `Actions in the plan sent: ${f.openActions} open, ${f.overdueActions} overdue`,
      ],
      // The entry's facts stand with the start of its sheet, never alone at a page's foot.
      { keepWithNext: true },
    ),
    reportTable(
      `${o.organisation.name}: reporting sheet in short`,
      [
        ["Component", 0.6],
        ["Status", 0.2],
        ["Review", 0.2],
      ],
      f.sheet.map((c) => [
        `${c.componentId} ${c.title}`,
        statusWords[c.status],
        reviewWords(c.status, c.review),
      ]),
    ),
  ];
}

export function appendix(r: AnnualReport): Block[] {
  const names = new Map(r.summary.levelsNow.map((l) => [l.bucket, l.label]));
  const levelName = (id: string | null) => (id ? (names.get(id) ?? id) : "No level yet");
  const without = r.appendix.filter((o) => !o.figures).length;
  // No page break before it: the tail of the actions table would otherwise stand on a page alone.
  return [
    heading(2, "Appendix: each organisation", true),
    paragraph(
      `Each organisation by name. A submitted return for ${r.periodNow ?? "the year"} has a page of its own: its level, progress in each domain and its reporting sheet in short.` +
        (without
          ? ` ${without === 1 ? "One organisation has" : `${without} organisations have`} no submitted return, and ${without === 1 ? "its entry says" : "their entries say"} so in a sentence.`
          : ""),
    ),
    ...r.appendix.flatMap((o, i) => entry(r, o, levelName, i === 0)),
  ];
}
