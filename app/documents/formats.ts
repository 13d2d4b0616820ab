/** The formats every document is written in, what each is sent as, and its name for people. */
export const documentFormats = ["pdf", "docx"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export const contentTypes: Record<DocumentFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export const formatNames: Record<DocumentFormat, string> = { pdf: "PDF", docx: "Word" };
