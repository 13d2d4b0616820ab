/**
 * Headers for a file sent as a download: the name in both forms browsers read
 * (an ASCII fallback and the exact UTF-8 name). Never cached: server/security.ts
 * already marks every response Remix makes no-store.
 */
export function attachmentHeaders(args: { fileName: string; mediaType: string; size?: number }) {
  const name = args.fileName.toWellFormed();
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const headers: Record<string, string> = {
    "Content-Type": args.mediaType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`,
  };
  if (args.size !== undefined) headers["Content-Length"] = String(args.size);
  return headers;
}

/** RFC 8187's percent-encoding: encodeURIComponent leaves ' ( ) * as they are, which it does not allow. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
