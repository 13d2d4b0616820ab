import { Readable } from "node:stream";
import { Zip, ZipPassThrough } from "fflate";
import { componentById } from "../charter/content";
import type { Charter } from "../charter/schema";
import type { PeriodEvidence } from "../models/evidence-files.server";
import { csvRows } from "../utils/csv";
import { measureText } from "../utils/measure-text";
import { readEvidenceChunks } from "./store.server";

/** Path segments safe on Windows, macOS and Linux, and never a way out of the folder. */
export function safeSegment(text: string, fallback = "evidence"): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 120);
  return cleaned || fallback;
}

function folderFor(charter: Charter, componentId: string) {
  const component = componentById(charter, componentId);
  return safeSegment(`${componentId} ${component?.title ?? ""}`);
}

function details(item: PeriodEvidence): string {
  if (item.kind === "narrative") return item.body ?? "";
  if (item.kind === "link") return item.url ?? "";
  if (item.kind === "measure") return measureText(item.measure);
  return "";
}

type Entry = { name: string; text?: string; sha256?: string };

/** What goes in the ZIP: each file in the folder of every component it backs, and an index. */
export function zipEntries(charter: Charter, items: PeriodEvidence[]): Entry[] {
  const files: Entry[] = [];
  const index: Array<Array<string | number | null>> = [
    ["Component", "Kind", "Title", "Details", "File in this ZIP"],
  ];
  for (const item of items) {
    for (const componentId of item.componentIds) {
      let path = "";
      if (item.file) {
        path = `${folderFor(charter, componentId)}/${item.id} ${safeSegment(item.file.name)}`;
        files.push({ name: path, sha256: item.file.sha256 });
      }
      index.push([componentId, item.kind, item.title, details(item), path]);
    }
  }
  return [{ name: "evidence.csv", text: csvRows(index) }, ...files];
}

/**
 * Streams the ZIP as it is made, one file at a time, so a large evidence set
 * never sits whole in memory. Files are stored, not compressed: PDFs, Office
 * files and images are compressed already.
 */
export function evidenceZipStream(args: {
  charter: Charter;
  items: PeriodEvidence[];
  dir: string;
}): ReadableStream<Uint8Array> {
  async function* chunks() {
    const ready: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else ready.push(chunk);
    });
    const drain = function* () {
      if (failure) throw failure;
      while (ready.length) yield ready.shift() as Uint8Array;
    };
    for (const entry of zipEntries(args.charter, args.items)) {
      const source = entry.sha256 ? readEvidenceChunks(args.dir, entry.sha256) : null;
      // A file lost from disk becomes a note in its place, rather than a broken download.
      const missing = entry.sha256 !== undefined && !source;
      const file = new ZipPassThrough(missing ? `${entry.name} (missing).txt` : entry.name);
      zip.add(file);
      if (source) {
        for await (const chunk of source) {
          file.push(chunk as Uint8Array);
          yield* drain();
        }
        file.push(new Uint8Array(0), true);
      } else {
        const text = entry.text ?? "This file is missing from storage: ask an administrator.";
        file.push(new TextEncoder().encode(text), true);
      }
      yield* drain();
    }
    zip.end();
    yield* drain();
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}
