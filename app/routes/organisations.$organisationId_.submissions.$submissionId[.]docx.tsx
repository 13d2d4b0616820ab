import { submissionDownload } from "~/documents/reporting-sheet-downloads.server";

/** A past submission, from its frozen snapshot, as an editable Word document. */
export const loader = submissionDownload("docx");
