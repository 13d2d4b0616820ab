/**
 * A request the service refuses on purpose, and says why. Thrown as a plain
 * `Response` (not Remix's `data()`): a page route shows it in its error
 * boundary, and a resource route (a download, the share button) sends it as
 * it is. `data()` thrown from a resource route became "Unexpected Server
 * Error", which told the person nothing.
 */
export function refusal(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Headings for the refusals a person may meet, worded for them. */
export function refusalTitle(status: number): string {
  if (status === 404) return "Page not found";
  if (status === 403) return "You do not have permission to do this";
  if (status === 405) return "This page cannot do that";
  if (status === 409) return "This has changed since you loaded it";
  if (status === 410) return "This is no longer available";
  if (status === 413) return "What was sent is too large";
  if (status === 429) return "Too many attempts";
  return "There is a problem with what was sent";
}
