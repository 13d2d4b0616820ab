import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { addFileEvidence, recordEvidenceFile } from "../models/evidence-files.server";
import { storeEvidenceBytes } from "./evidence-store.server";
import { judgeFile } from "./file-type";

export const tooLargeMessage = (maxBytes: number) =>
  `The selected file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))} MB`;

/**
 * Reads a form that may carry a file, refusing one over the limit while it is
 * still arriving (so an oversized upload is never held whole). A post that is
 * not multipart is read as an ordinary form.
 */
export async function readFormWithFile(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; formData: FormData } | { ok: false; problem: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { ok: true, formData: await request.formData() };
  const declared = Number(request.headers.get("content-length") ?? 0);
  // The declared length includes the form's other fields and boundaries: allow for them.
  if (declared > maxBytes + 64 * 1024) return { ok: false, problem: tooLargeMessage(maxBytes) };
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, problem: tooLargeMessage(maxBytes) };
    }
    throw error;
  }
}

/** The file field of a form, if one was chosen (browsers send an empty part when none is). */
export function chosenFile(formData: FormData, field: string): File | null {
  const value = formData.get(field);
  return value instanceof File && value.size > 0 && value.name ? value : null;
}

/**
 * Checks the file's content against its name, stores it under its hash, and
 * records it as a new evidence item of the organisation's. The caller links it
 * to components inside its own transaction (pass `db` as that transaction).
 */
export async function acceptEvidenceFile(
  db: Kysely<Database>,
  args: { organisationId: number; title: string; file: File; dir: string },
): Promise<{ ok: true; evidenceId: number } | { ok: false; problem: string }> {
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  const verdict = judgeFile(args.file.name, bytes);
  if (!verdict.ok) return verdict;
  // Bytes first: a file on disk with no row is harmless; a row with no file is not.
  const stored = await storeEvidenceBytes(args.dir, bytes);
  await recordEvidenceFile(db, { ...stored, mediaType: verdict.type.mediaType });
  const evidenceId = await addFileEvidence(db, {
    organisationId: args.organisationId,
    title: args.title,
    sha256: stored.sha256,
    fileName: args.file.name,
  });
  return { ok: true, evidenceId };
}
