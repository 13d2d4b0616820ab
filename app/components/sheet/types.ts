import type { SheetActionData } from "~/sheet/action-data";
import type { loadSheet } from "~/sheet/load.server";

/** The sheet's loader data as the page receives it (type-only: nothing server-side is bundled). */
export type SheetData = Awaited<ReturnType<typeof loadSheet>>;
export type SheetComponent = SheetData["charter"]["domains"][number]["components"][number];
export type SheetAnswerView = SheetData["answers"][string];
export type EvidenceView = SheetAnswerView["evidence"][number];
export type { SheetActionData };

/** What every component block needs from the sheet as a whole. */
export type SheetContext = {
  organisationPath: string;
  can: SheetData["can"];
  library: SheetData["library"];
  libraryShown: number;
  evidenceMaxMegabytes: number;
};
