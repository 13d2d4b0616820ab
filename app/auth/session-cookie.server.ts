/**
 * The session cookie carries only the random token; the database holds its
 * SHA-256 (see app/models/sessions.server.ts).
 *
 * `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so a
 * sibling subdomain cannot plant or overwrite the cookie. Browsers reject a
 * `__Host-` cookie over plain http, and demos run on http://127.0.0.1, so the
 * prefix and Secure come only when the app is served over https.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-anchor_session" : "anchor_session";
}

export function serializeSessionCookie(
  token: string,
  expiresAt: Date,
  options: { secure: boolean },
): string {
  return [
    `${sessionCookieName(options.secure)}=${token}`,
    ...sharedAttributes(options.secure),
    `Expires=${expiresAt.toUTCString()}`,
  ].join("; ");
}

export function serializeClearedSessionCookie(options: { secure: boolean }): string {
  return [
    `${sessionCookieName(options.secure)}=`,
    ...sharedAttributes(options.secure),
    "Max-Age=0",
    `Expires=${new Date(0).toUTCString()}`,
  ].join("; ");
}

// A token is base32 lower case; anything else is not ours and never reaches the database.
const TOKEN_SHAPE = /^[a-z2-7]{16,128}$/;

export function readSessionToken(request: Request, options: { secure: boolean }): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const wanted = sessionCookieName(options.secure);
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1) continue;
    if (pair.slice(0, equals).trim() !== wanted) continue;
    const value = unquote(pair.slice(equals + 1).trim());
    return TOKEN_SHAPE.test(value) ? value : null;
  }
  return null;
}

// Lax, not Strict: a link from an email must arrive signed in. Forms that change
// data are POSTs, which Lax does not send cross-site.
function sharedAttributes(secure: boolean): string[] {
  return ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
}

// RFC 6265 allows a cookie value in double quotes.
function unquote(value: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, as no value of two characters or fewer is a token, quoted or not
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value;
}
