import crypto from "node:crypto";

/** A short id for one request, shown on its error page and written beside its error in the log. */
export function newErrorReference(): string {
  return crypto.randomBytes(4).toString("hex");
}

/**
 * Logs an unexpected error with everything support needs to find it from the
 * reference a user reads out. The page says nothing more than that reference.
 * Only the path is logged: query strings may carry one-time tokens.
 */
export function logUnexpectedError(options: {
  reference: string;
  method: string;
  url: string;
  error: unknown;
}) {
  const path = new URL(options.url, "http://localhost").pathname;
  console.error(
    `${new Date().toISOString()} error reference ${options.reference} (${options.method} ${path}):`,
    options.error,
  );
}
