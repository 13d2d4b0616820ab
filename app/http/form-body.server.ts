import { refusal } from "./refusal";

/**
 * Every action reads its form through here, never `request.formData()`
 * directly (ESLint enforces it). Whatever a client sends (JSON, plain text, a
 * multipart body cut short or without its boundary, a body far larger than
 * any form) is answered with a 4xx that says what is wrong, and logged as a
 * warning without the body: it is the client's mistake, not a fault of ours.
 * Multipart bodies are parsed by the platform's own parser (undici), which
 * reads every file name a browser sends; Remix's `unstable_parse…` failed on
 * names with `=` or `;` in them.
 */

/** Far more than any of our forms without a file: names, notes, a narrative. */
export const FORM_MAX_BYTES = 1024 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const messages = {
  unsupported:
    "The form was not sent as a web form. Send it as application/x-www-form-urlencoded or multipart/form-data.",
  malformed: "The form could not be read: it was cut short or badly formed. Go back and try again.",
  tooLarge: "The form is larger than this service accepts. Go back, shorten it and try again.",
};

/** Reads an ordinary form (no file). Throws a 400, 413 or 415 refusal. */
export async function readForm(request: Request): Promise<FormData> {
  const type = formType(request);
  const body = await readBodyWithin(request, FORM_MAX_BYTES);
  if (body === "too-large") refuse(request, 413, messages.tooLarge, "body over the form limit");
  return parseBody(request, body, type);
}

/**
 * Reads a form that may carry a file of up to `maxFileBytes`. A file over the
 * limit is answered as a problem for the form to show, not an error page; at
 * most the limit (and a little for the other fields) is held in memory, and
 * the rest of the upload is still read and dropped: answering before the
 * browser has finished sending makes it report a broken connection instead
 * of our message.
 */
export async function readFormWithFile(
  request: Request,
  maxFileBytes: number,
): Promise<{ ok: true; formData: FormData } | { ok: false; problem: string }> {
  const type = formType(request);
  const body = await readBodyWithin(request, maxFileBytes + FORM_MAX_BYTES);
  const tooLarge = { ok: false as const, problem: tooLargeMessage(maxFileBytes) };
  if (body === "too-large") return tooLarge;
  const formData = await parseBody(request, body, type);
  for (const value of formData.values()) {
    if (value instanceof File && value.size > maxFileBytes) return tooLarge;
  }
  return { ok: true, formData };
}

export const tooLargeMessage = (maxBytes: number) =>
  `The selected file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))} MB`;

function formType(request: Request): string {
  const header = request.headers.get("content-type") ?? "";
  const type = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(type)) {
    refuse(request, 415, messages.unsupported, `content type "${type.slice(0, 100)}"`);
  }
  return header;
}

async function parseBody(request: Request, body: Uint8Array, contentType: string) {
  try {
    return await new Response(body as BodyInit, {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    refuse(request, 400, messages.malformed, "body could not be parsed as a form");
  }
}

/** The whole body, or "too-large" once it passes `limit` (the rest is read and dropped). */
async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | "too-large"> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
  } catch {
    refuse(request, 400, messages.malformed, "body ended before it was complete");
  }
  return size > limit ? "too-large" : Buffer.concat(chunks);
}

function refuse(request: Request, status: number, message: string, reason: string): never {
  const path = new URL(request.url).pathname;
  console.warn(
    `${new Date().toISOString()} warning: refused ${request.method} ${path} with ${status}: ${reason}`,
  );
  throw refusal(status, message);
}
