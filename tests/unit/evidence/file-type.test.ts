import { describe, expect, it } from "vitest";
import { judgeFile } from "~/utils/file-type";
import {
  exeBytes,
  htmlBytes,
  jpegBytes,
  oleBytes,
  officeBytes,
  pdfBytes,
  pngBytes,
} from "../../fixtures/files";

describe("judging an uploaded file by its content", () => {
  it.each([
    ["report.pdf", pdfBytes, "application/pdf"],
    ["Photo.JPG", jpegBytes, "image/jpeg"],
    ["chart.png", pngBytes, "image/png"],
    [
      "plan.docx",
      officeBytes("word"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      "spend.xlsx",
      officeBytes("xl"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    [
      "board.pptx",
      officeBytes("ppt"),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    ["old.xls", oleBytes, "application/vnd.ms-excel"],
    ["old.doc", oleBytes, "application/msword"],
  ])("accepts %s as %s", (name, bytes, mediaType) => {
    expect(judgeFile(name, bytes)).toEqual({
      ok: true,
      type: expect.objectContaining({ mediaType }),
    });
  });

  it.each([
    ["a program renamed to .pdf", "invoice.pdf", exeBytes, /content is not a \.pdf file/],
    ["a web page renamed to .png", "chart.png", htmlBytes, /content is not a \.png file/],
    [
      "a spreadsheet named as a document",
      "plan.docx",
      officeBytes("xl"),
      /content is not a \.docx file/,
    ],
    ["a PDF named as a Word file", "plan.docx", pdfBytes, /content is not a \.docx file/],
    [
      "a zip that is not an Office file",
      "notes.docx",
      officeBytes("word").slice(0, 4),
      /content is not/,
    ],
    [
      "a type the sheet does not take",
      "run.exe",
      exeBytes,
      /must be a PDF, Word, Excel or PowerPoint file, or an image/,
    ],
    ["a file with no extension", "README", pdfBytes, /must be a PDF/],
    ["an empty file", "empty.pdf", new Uint8Array(0), /is empty/],
  ])("refuses %s, saying why", (_, name, bytes, problem) => {
    const verdict = judgeFile(name, bytes);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.problem).toMatch(problem);
  });
});
