/** A request body with its content type (none: sent without one). */
export type Body = { type?: string; body: string | Uint8Array<ArrayBuffer> };

export const BOUNDARY = "----hostile7MA4YWxkTrZu0gW";

/** A multipart body written by hand, as a browser would send it (file names raw, UTF-8). */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
): Body {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    body: new Uint8Array(Buffer.concat(parts)),
  };
}
