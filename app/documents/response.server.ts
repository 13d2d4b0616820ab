import { attachmentHeaders } from "~/http/downloads.server";
import { contentTypes, type DocumentFormat } from "./formats";

/** A finished document sent to the browser as a download named `fileName`. */
export function documentResponse(bytes: Buffer, fileName: string, format: DocumentFormat) {
  return new Response(new Uint8Array(bytes), {
    headers: attachmentHeaders({
      fileName,
      mediaType: contentTypes[format],
      size: bytes.length,
    }),
  });
}
