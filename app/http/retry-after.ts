import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix applies headers from an action's data() only to data requests; a
 * document post (no JavaScript) needs the route's headers export to pass
 * Retry-After on with the 429 page.
 */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
