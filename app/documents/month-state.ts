import { formatDateTime } from "~/utils/dates";

/**
 * Where a month's self-assessment stands, said on every rendering of the
 * live month (its sheet, the print view, the PDF and Word), so a draft is
 * never read as a return: draft, submitted (when and by whom), or reopened
 * (by whom, when, and the submission it replaces) (issue 19, point 8).
 */
export type MonthState =
  | { kind: "not started" }
  | { kind: "draft"; lastChangedAt: string }
  | { kind: "submitted"; submittedAt: string; submittedBy: string }
  | {
      kind: "reopened";
      reopenedAt: string;
      reopenedBy: string;
      lastSubmittedAt: string | null;
      lastSubmittedBy: string | null;
    };

/** A few words for a page's running header: "Draft, not submitted". */
export function monthStateShort(state: MonthState): string {
  switch (state.kind) {
    case "not started":
      return "Not started";
    case "draft":
      return "Draft, not submitted";
    case "submitted":
      return `Submitted ${formatDateTime(state.submittedAt)} by ${state.submittedBy}`;
    case "reopened":
      return "Reopened, not submitted again";
  }
}

/** The whole sentence: what it is, when, and who. */
export function monthStateWords(state: MonthState): string {
  switch (state.kind) {
    case "not started":
      return "Not started: nobody has started this month's self-assessment.";
    case "draft":
      return `Draft, not submitted: the month as it stands, last changed ${formatDateTime(state.lastChangedAt)}. It is not a return until it is submitted.`;
    case "submitted":
      return `Submitted on ${formatDateTime(state.submittedAt)} by ${state.submittedBy}.`;
    case "reopened":
      return (
        `Reopened on ${formatDateTime(state.reopenedAt)} by ${state.reopenedBy}, and not submitted again: it is not a return until it is.` +
        (state.lastSubmittedAt && state.lastSubmittedBy
          ? ` It was last submitted on ${formatDateTime(state.lastSubmittedAt)} by ${state.lastSubmittedBy}.`
          : "")
      );
  }
}
