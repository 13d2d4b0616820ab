import { type UploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordEvidenceFile } from "../models/evidence-files.server";
import { storeEvidenceBytes } from "./evidence-store.server";
import { judgeFile } from "./file-type";

export const tooLargeMessage = (maxBytes: number) =>
  `The selected file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))} MB`;

/**
 * Reads a form that may carry a file. A file over the limit is not kept (at
 * most the limit is ever held in memory) but the rest of the upload is still
 * read and dropped: answering before the browser has finished sending makes
 * it report a broken connection instead of our message. A post that is not
 * multipart is read as an ordinary form.
 */
export async function readFormWithFile(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; formData: FormData } | { ok: false; problem: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { ok: true, formData: await request.formData() };
  let tooLarge = false;
  const keepWithinLimit: UploadHandler = async ({ filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
    }
    if (size > maxBytes) {
      tooLarge = true;
      return undefined;
    }
    if (filename === undefined) return new TextDecoder().decode(Buffer.concat(chunks));
    return new File([Buffer.concat(chunks)], filename, { type: contentType });
  };
  const formData = await unstable_parseMultipartFormData(request, keepWithinLimit);
  if (tooLarge) return { ok: false, problem: tooLargeMessage(maxBytes) };
  return { ok: true, formData };
}

/** The file field of a form, if one was chosen (browsers send an empty part when none is). */
export function chosenFile(formData: FormData, field: string): File | null {
  const value = formData.get(field);
  return value instanceof File && value.size > 0 && value.name ? value : null;
}

/**
 * Checks the file's content against its name, stores it under its hash and
 * records what was checked. The caller then adds the evidence item that
 * points at it, in its own transaction.
 */
export async function storeUploadedEvidence(
  db: Kysely<Database>,
  args: { file: File; dir: string },
): Promise<{ ok: true; file: { sha256: string; name: string } } | { ok: false; problem: string }> {
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  const verdict = judgeFile(args.file.name, bytes);
  if (!verdict.ok) return verdict;
  // Bytes first: a file on disk with no row is harmless; a row with no file is not.
  const stored = await storeEvidenceBytes(args.dir, bytes);
  await recordEvidenceFile(db, { ...stored, mediaType: verdict.type.mediaType });
  return { ok: true, file: { sha256: stored.sha256, name: args.file.name.slice(0, 255) } };
}
