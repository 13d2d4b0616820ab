import { createReadableStreamFromReadable } from "@remix-run/node";
import { attachmentHeaders } from "~/http/downloads.server";

/** Streams a finished pdfkit document to the browser as a download named `fileName`. */
export function pdfResponse(doc: PDFKit.PDFDocument, fileName: string): Response {
  return new Response(createReadableStreamFromReadable(doc), {
    headers: attachmentHeaders({ fileName, mediaType: "application/pdf" }),
  });
}
