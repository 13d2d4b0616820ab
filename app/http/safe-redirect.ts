/**
 * Where a redirect that a request asked for may go: only a path on this site.
 * An open redirect would make a phishing link look like ours ("sign in at the
 * genuine page, land on theirs"), so the check is the URL parser's own answer,
 * not a pattern: browsers strip tabs and newlines and read `\` as `/`, which
 * turns innocent-looking text such as `/\t/evil.example` into another host.
 */
const PLACEHOLDER_ORIGIN = "https://app.invalid";

/** Longer than any path of ours; a redirect target this long is not a real one. */
export const MAX_REDIRECT_LENGTH = 2048;

// C0 controls, DEL and the C1 controls; backslashes are read as slashes.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeRedirectPath(target: FormDataEntryValue | string | null, fallback: string) {
  if (typeof target !== "string") return fallback;
  if (target.length === 0 || target.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  if (UNSAFE_CHARACTERS.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Percent-encoded tricks (`/%2F%2Fevil`) stay encoded in the path, so they
  // are a path on this site; the parsed form is what goes in Location.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
