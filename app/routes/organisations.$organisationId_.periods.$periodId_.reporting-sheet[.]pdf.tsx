import { liveSheetDownload } from "~/documents/reporting-sheet-downloads.server";

/** The month as it stands now, as a tagged PDF in the charter's Appendix A layout. */
export const loader = liveSheetDownload("pdf");
