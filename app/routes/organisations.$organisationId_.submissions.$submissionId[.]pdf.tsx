import { submissionDownload } from "~/documents/reporting-sheet-downloads.server";

/** A past submission, from its frozen snapshot, as a tagged PDF. */
export const loader = submissionDownload("pdf");
