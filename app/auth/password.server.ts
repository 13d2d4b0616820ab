import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
// Generous: long passphrases are accepted whole, never truncated.
export const PASSWORD_MAX_LENGTH = 1024;

// OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1.
const CURRENT = { ln: 17, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

type ScryptParameters = { ln: number; r: number; p: number };

// The zxcvbn-ts list (about 49,000 entries, all lower case) arrives decompressed on import.
const commonPasswords = new Set(dictionary["passwords-common"]);

/**
 * The same passphrase typed on two devices can reach us as different code
 * points (a precomposed "é" or "e" plus a combining accent; a full-width "Ａ").
 * NFKC folds those to one form, as NIST SP 800-63B advises, so a person is not
 * locked out by their keyboard.
 */
function normalise(password: string): string {
  return password.normalize("NFKC");
}

/** A user-facing reason the password cannot be used, or null. No character-class rules. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  const normalised = normalise(password);
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  const lowered = normalised.toLowerCase();
  if (commonPasswords.has(lowered)) {
    return "This is one of the most commonly used passwords. Choose another.";
  }
  const personal = [context.email, context.email?.split("@")[0], context.name]
    .map((value) => value?.normalize("NFKC").trim().toLowerCase())
    .filter((value): value is string => Boolean(value));
  if (personal.includes(lowered.trim())) {
    return "Password must not be your email address or your name";
  }
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(normalise(password), salt, CURRENT, KEY_BYTES);
  const { ln, r, p } = CURRENT;
  return `scrypt$ln=${ln},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/**
 * Timing-safe. When `stored` is null (no such user, or no password yet) it still
 * derives a key at today's cost, so the time taken does not reveal whether the
 * account exists.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await deriveKey(normalise(password), randomBytes(SALT_BYTES), CURRENT, KEY_BYTES);
    return false;
  }
  const { parameters, salt, expected } = parseStoredHash(stored);
  const actual = await deriveKey(normalise(password), salt, parameters, expected.length);
  return timingSafeEqual(actual, expected);
}

function parseStoredHash(stored: string) {
  const match = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(
    stored,
  );
  if (!match) {
    // Never a reason to let someone in: the stored value is damaged or from another scheme.
    throw new Error("Stored password hash is not in the scrypt$ln=..,r=..,p=..$salt$hash format");
  }
  // Parameters come from the string, so raising CURRENT later still verifies older hashes.
  return {
    parameters: { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) },
    salt: Buffer.from(match[4] ?? "", "base64"),
    expected: Buffer.from(match[5] ?? "", "base64"),
  };
}

function deriveKey(
  password: string,
  salt: Buffer,
  { ln, r, p }: ScryptParameters,
  keyBytes: number,
): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs about 128·N·r bytes; OpenSSL refuses anything over maxmem
  // (32 MiB by default), so allow twice the need.
  const maxmem = 2 * 128 * N * r;
  // The callback form runs on libuv's thread pool, so a sign-in does not stall other requests.
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyBytes, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
