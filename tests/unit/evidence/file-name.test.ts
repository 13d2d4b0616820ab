import { describe, expect, it } from "vitest";
import { attachmentHeaders } from "~/http/downloads.server";
import { cleanFileName, MAX_FILE_NAME_LENGTH } from "~/evidence/file-name";

describe("an uploaded file keeps the name a person gave it", () => {
  it.each([
    "Budget (v2=final).pdf",
    "Minutes; March.docx",
    `The "green" plan.pdf`,
    "It's ours.xlsx",
    "Żółć – plan.pdf",
    "文件.pdf",
    "Report 🌳.pdf",
    "100% done & dusted!.png",
  ])("keeps %j", (name) => {
    expect(cleanFileName(name)).toBe(name);
  });

  it("drops folders some clients send in front of the name", () => {
    expect(cleanFileName("C:\\fakepath\\plan.pdf")).toBe("plan.pdf");
    expect(cleanFileName("../../etc/plan.pdf")).toBe("plan.pdf");
  });

  it("replaces control characters and half an emoji", () => {
    expect(cleanFileName("a\u0000b\r\nc.pdf")).toBe("a b c.pdf");
    expect(cleanFileName("half \ud83c.pdf")).toBe("half \ufffd.pdf");
  });

  it("names a file with no usable name 'document'", () => {
    expect(cleanFileName("")).toBe("document");
    expect(cleanFileName("..")).toBe("document");
    expect(cleanFileName("\u0000\u0001")).toBe("document");
  });

  it("shortens a long name before its extension", () => {
    const cleaned = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect([...cleaned]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith("a.pdf")).toBe(true);
    const emoji = cleanFileName(`${"🌳".repeat(300)}.pdf`);
    expect([...emoji]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.isWellFormed()).toBe(true);
  });
});

describe("a download names the file safely in Content-Disposition", () => {
  const disposition = (fileName: string) =>
    attachmentHeaders({ fileName, mediaType: "application/pdf" })["Content-Disposition"] ?? "";

  it("quotes an ASCII fallback with nothing that could end the quoted string", () => {
    expect(disposition(`Budget "v2"; x=1\\.pdf`)).toMatch(
      /^attachment; filename="Budget _v2_; x=1_\.pdf"; /,
    );
  });

  it("gives the exact UTF-8 name percent-encoded, quotes and brackets too", () => {
    const header = disposition("It's (final) *Żółć*.pdf");
    const encoded = header.split("filename*=UTF-8''")[1] ?? "";
    expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(encoded)).toBe("It's (final) *Żółć*.pdf");
  });

  it("is a valid header value for every name a client could send", () => {
    for (const name of ["a\r\nb", "😀", "x".repeat(255), "\ud800"]) {
      expect(() => new Headers({ "Content-Disposition": disposition(name) })).not.toThrow();
    }
  });
});
