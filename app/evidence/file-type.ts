/**
 * What an uploaded evidence file really is, judged from its first bytes and
 * not from its name: a name is whatever the sender typed, and serving a
 * renamed executable or HTML page as "a PDF" is how uploads become attacks.
 * Only the kinds the reporting sheet accepts are recognised (PDF, Word,
 * Excel, PowerPoint, images); the name's extension must then agree.
 */

export type SniffedType = { mediaType: string; label: string };
export type FileVerdict = { ok: true; type: SniffedType } | { ok: false; problem: string };

type Kind = SniffedType & { extensions: string[] };

const kinds = {
  pdf: { mediaType: "application/pdf", label: "PDF", extensions: ["pdf"] },
  png: { mediaType: "image/png", label: "PNG image", extensions: ["png"] },
  jpeg: { mediaType: "image/jpeg", label: "JPEG image", extensions: ["jpg", "jpeg"] },
  gif: { mediaType: "image/gif", label: "GIF image", extensions: ["gif"] },
  webp: { mediaType: "image/webp", label: "WebP image", extensions: ["webp"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word document",
    extensions: ["docx"],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel workbook",
    extensions: ["xlsx"],
  },
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "PowerPoint presentation",
    extensions: ["pptx"],
  },
  doc: { mediaType: "application/msword", label: "Word 97-2003 document", extensions: ["doc"] },
  xls: {
    mediaType: "application/vnd.ms-excel",
    label: "Excel 97-2003 workbook",
    extensions: ["xls"],
  },
  ppt: {
    mediaType: "application/vnd.ms-powerpoint",
    label: "PowerPoint 97-2003 presentation",
    extensions: ["ppt"],
  },
} satisfies Record<string, Kind>;

export const acceptedExtensions = Object.values(kinds).flatMap((k) => k.extensions);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0) {
  return prefix.every((b, i) => bytes[offset + i] === b);
}

/** True when the byte string occurs anywhere in the first `limit` bytes. */
function contains(bytes: Uint8Array, text: string, limit = 64 * 1024) {
  const needle = ascii(text);
  const end = Math.min(bytes.length, limit) - needle.length;
  for (let i = 0; i <= end; i++) if (startsWith(bytes, needle, i)) return true;
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The candidate kinds for these bytes; the Office families need the name to choose. */
function candidates(bytes: Uint8Array): Kind[] {
  if (startsWith(bytes, ascii("%PDF-"))) return [kinds.pdf];
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return [kinds.png];
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return [kinds.jpeg];
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return [kinds.gif];
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return [kinds.webp];
  // Office Open XML is a zip whose part names say which application wrote it.
  if (startsWith(bytes, ZIP) && contains(bytes, "[Content_Types].xml")) {
    if (contains(bytes, "word/")) return [kinds.docx];
    if (contains(bytes, "xl/")) return [kinds.xlsx];
    if (contains(bytes, "ppt/")) return [kinds.pptx];
    return [];
  }
  // The older binary formats share one container; its streams are hard to read
  // reliably from the head, so the extension chooses among the three.
  if (startsWith(bytes, OLE2)) return [kinds.doc, kinds.xls, kinds.ppt];
  return [];
}

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  // Stryker disable next-line OptionalChaining: equivalent, as the group always takes part when the pattern matches
  return match?.[1]?.toLowerCase() ?? "";
}

export function judgeFile(fileName: string, bytes: Uint8Array): FileVerdict {
  if (bytes.length === 0) return { ok: false, problem: "The selected file is empty" };
  const extension = extensionOf(fileName);
  if (!acceptedExtensions.includes(extension)) {
    return {
      ok: false,
      problem: "The selected file must be a PDF, Word, Excel or PowerPoint file, or an image",
    };
  }
  const found = candidates(bytes);
  const kind = found.find((k) => k.extensions.includes(extension));
  if (!kind) {
    return {
      ok: false,
      problem: `The selected file's content is not a .${extension} file: check it is the right file, or save it again in that format`,
    };
  }
  return { ok: true, type: { mediaType: kind.mediaType, label: kind.label } };
}
