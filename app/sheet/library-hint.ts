import { formatMonth } from "~/utils/dates";

/**
 * Worded here, on the server, so the component page ships none of it: its
 * JavaScript stays within 100 KB (ADR 031).
 */
export type LibraryRow = {
  id: number;
  kind: string;
  title: string;
  fileName: string | null;
  measureValue: number | null;
  measureUnit: string | null;
  createdAt: string;
  componentIds: string[];
};

const kindWords: Record<string, string> = {
  narrative: "Narrative",
  link: "Link",
  file: "File",
  measure: "Measure",
};

function listed(ids: string[]): string {
  if (ids.length <= 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}

/**
 * What tells an item apart from others of the same title (issue 22, item 10):
 * its file name or figure, the month it was added and the components it is on.
 */
export function libraryItemHint(item: LibraryRow): string {
  const what =
    item.kind === "file" && item.fileName
      ? `File: ${item.fileName}`
      : item.kind === "measure" && item.measureValue !== null
        ? `Measure: ${item.measureValue}${item.measureUnit ? ` ${item.measureUnit}` : ""}`
        : (kindWords[item.kind] ?? item.kind);
  const ids = [...item.componentIds].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const on = ids.length
    ? `on ${ids.length === 1 ? "component" : "components"} ${listed(ids)}`
    : "not on any component";
  return `${what}. Added in ${formatMonth(item.createdAt)}, ${on}.`;
}
