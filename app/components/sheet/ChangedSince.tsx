import { statusLabels } from "~/forms/sheet-words";
import type { SheetData } from "./types";

type Change = SheetData["plan"]["changes"][string];

const label = (status: string) =>
  Object.hasOwn(statusLabels, status) ? statusLabels[status as keyof typeof statusLabels] : status;

/** A component that differs from the last submission says so, and what it was. */
export function ChangedSince(props: { change: Change | undefined; since: string | null }) {
  const { change, since } = props;
  if (!change) return null;
  const parts = [
    change.statusWas !== null ? `status was: ${label(change.statusWas)}` : null,
    change.opportunities ? "opportunities changed" : null,
    change.evidence ? "evidence changed" : null,
  ].filter(Boolean);
  return (
    <p className="nhsuk-body-s">
      <strong className="nhsuk-tag nhsuk-tag--yellow">Changed since last submission</strong>{" "}
      {since ? `(${since}) ` : ""}
      {parts.join("; ")}
    </p>
  );
}
