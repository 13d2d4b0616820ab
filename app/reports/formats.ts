/** The annual report's file formats and what each is sent as. */
export const reportFormats = ["pdf", "docx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const contentTypes: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export const formatNames: Record<ReportFormat, string> = { pdf: "PDF", docx: "Word" };
