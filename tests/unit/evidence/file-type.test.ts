import { describe, expect, it } from "vitest";
import { acceptedExtensions, extensionOf, judgeFile } from "~/evidence/file-type";
import {
  exeBytes,
  gif87Bytes,
  gif89Bytes,
  htmlBytes,
  jpegBytes,
  oleBytes,
  officeBytes,
  pdfBytes,
  pngBytes,
  riffBytes,
  webpBytes,
  zipBytes,
} from "../../fixtures/files";

const refusal = (name: string, bytes: Uint8Array) => {
  const verdict = judgeFile(name, bytes);
  return verdict.ok ? null : verdict.problem;
};

describe("judging an uploaded file by its content", () => {
  it.each([
    { name: "report.pdf", bytes: pdfBytes, mediaType: "application/pdf", label: "PDF" },
    { name: "Photo.JPG", bytes: jpegBytes, mediaType: "image/jpeg", label: "JPEG image" },
    { name: "photo.jpeg", bytes: jpegBytes, mediaType: "image/jpeg", label: "JPEG image" },
    { name: "chart.png", bytes: pngBytes, mediaType: "image/png", label: "PNG image" },
    { name: "old-logo.gif", bytes: gif87Bytes, mediaType: "image/gif", label: "GIF image" },
    { name: "logo.gif", bytes: gif89Bytes, mediaType: "image/gif", label: "GIF image" },
    { name: "banner.webp", bytes: webpBytes, mediaType: "image/webp", label: "WebP image" },
    {
      name: "plan.docx",
      bytes: officeBytes("word"),
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      label: "Word document",
    },
    {
      name: "spend.xlsx",
      bytes: officeBytes("xl"),
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      label: "Excel workbook",
    },
    {
      name: "board.pptx",
      bytes: officeBytes("ppt"),
      mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      label: "PowerPoint presentation",
    },
    {
      name: "old.doc",
      bytes: oleBytes,
      mediaType: "application/msword",
      label: "Word 97-2003 document",
    },
    {
      name: "old.xls",
      bytes: oleBytes,
      mediaType: "application/vnd.ms-excel",
      label: "Excel 97-2003 workbook",
    },
    {
      name: "old.ppt",
      bytes: oleBytes,
      mediaType: "application/vnd.ms-powerpoint",
      label: "PowerPoint 97-2003 presentation",
    },
  ])("accepts $name as a $label", ({ name, bytes, mediaType, label }) => {
    expect(judgeFile(name, bytes)).toEqual({ ok: true, type: { mediaType, label } });
  });

  it.each([
    ["a program renamed to .pdf", "invoice.pdf", exeBytes, /content is not a \.pdf file/],
    ["a web page renamed to .png", "chart.png", htmlBytes, /content is not a \.png file/],
    ["a web page renamed to .gif", "logo.gif", htmlBytes, /content is not a \.gif file/],
    ["a web page renamed to .jpg", "photo.jpg", htmlBytes, /content is not a \.jpg file/],
    [
      "a spreadsheet named as a document",
      "plan.docx",
      officeBytes("xl"),
      /content is not a \.docx file/,
    ],
    ["a PDF named as a Word file", "plan.docx", pdfBytes, /content is not a \.docx file/],
    ["an old Word file named as a PDF", "plan.pdf", oleBytes, /content is not a \.pdf file/],
    ["a web page renamed to .doc", "plan.doc", htmlBytes, /content is not a \.doc file/],
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
    ["a program hiding behind a second extension", "report.pdf.exe", pdfBytes, /must be a PDF/],
    ["an empty file", "empty.pdf", new Uint8Array(0), /is empty/],
  ])("refuses %s, saying why", (_, name, bytes, problem) => {
    expect(refusal(name, bytes)).toMatch(problem);
  });

  it("says which extension the content failed to match, and what to do", () => {
    expect(refusal("plan.docx", pdfBytes)).toBe(
      "The selected file's content is not a .docx file: check it is the right file, or save it again in that format",
    );
    expect(refusal("run.exe", exeBytes)).toBe(
      "The selected file must be a PDF, Word, Excel or PowerPoint file, or an image",
    );
    expect(refusal("empty.pdf", new Uint8Array(0))).toBe("The selected file is empty");
  });
});

describe("image signatures", () => {
  it("a GIF must start GIF87a or GIF89a", () => {
    expect(refusal("logo.gif", new TextEncoder().encode("GIF88a\x01\x00;"))).toMatch(/not a \.gif/);
  });

  it("a WebP must be a RIFF container whose form is WEBP, not another RIFF such as a WAV sound", () => {
    expect(refusal("banner.webp", riffBytes("WAVE"))).toMatch(/not a \.webp/);
    const webpWithoutRiff = new Uint8Array([
      ...new TextEncoder().encode("XXXX"),
      ...webpBytes.slice(4),
    ]);
    expect(refusal("banner.webp", webpWithoutRiff)).toMatch(/not a \.webp/);
  });
});

describe("Office Open XML packages", () => {
  it.each(["plan.docx", "spend.xlsx", "board.pptx"])(
    "a ZIP with [Content_Types].xml but no Word, Excel or PowerPoint part is not an Office file (%s)",
    (name) => {
      const bytes = zipBytes("[Content_Types].xml", "docProps/app.xml", "media/image1.png");
      expect(refusal(name, bytes)).toMatch(/content is not/);
    },
  );

  it("a ZIP with a word/ folder but no [Content_Types].xml is just a ZIP", () => {
    expect(refusal("plan.docx", zipBytes("word/document.xml"))).toMatch(/content is not/);
  });

  it("[Content_Types].xml and a Word part outside a ZIP are just text", () => {
    const text = new TextEncoder().encode("[Content_Types].xml word/document.xml");
    expect(refusal("plan.docx", text)).toMatch(/content is not/);
  });

  describe("part names are looked for in the first 64 KiB only, so a large upload is not read through", () => {
    const head = 64 * 1024;
    /** A ZIP signature, [Content_Types].xml, then "word/" starting at `offset`. */
    const packageWithWordPartAt = (offset: number) => {
      const bytes = new Uint8Array(offset + 5);
      bytes.set(new TextEncoder().encode("PK\x03\x04[Content_Types].xml"));
      bytes.set(new TextEncoder().encode("word/"), offset);
      return bytes;
    };

    it("a part name ending on the last byte of the head counts", () => {
      expect(judgeFile("plan.docx", packageWithWordPartAt(head - 5)).ok).toBe(true);
    });

    it("a part name that starts past the head does not", () => {
      expect(refusal("plan.docx", packageWithWordPartAt(head))).toMatch(/content is not/);
    });
  });
});

describe("a file's name", () => {
  it("has as its extension what follows the last dot, lower-cased, ignoring spaces around the name", () => {
    expect(extensionOf("Board Papers.v2.PDF")).toBe("pdf");
    expect(extensionOf(" report.pdf \n")).toBe("pdf");
    expect(judgeFile("report.pdf ", pdfBytes).ok).toBe(true);
  });

  it("has no extension without a dot, or with nothing usable after the last one", () => {
    expect(extensionOf("README")).toBe("");
    expect(extensionOf("notes.")).toBe("");
    expect(extensionOf("notes.p-f")).toBe("");
  });

  it("is offered to the browser's file picker as the extensions the sheet takes", () => {
    expect([...acceptedExtensions].sort()).toEqual(
      [
        "doc",
        "docx",
        "gif",
        "jpeg",
        "jpg",
        "pdf",
        "png",
        "ppt",
        "pptx",
        "webp",
        "xls",
        "xlsx",
      ].sort(),
    );
  });
});
