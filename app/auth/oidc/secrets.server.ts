import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets the app keeps for later (an OpenID provider's client secret, the
 * browser's sign-in transaction in its cookie) are sealed with AES-256-GCM
 * under SECRETS_KEY, 32 random bytes given as 64 hex digits or base64. A
 * copy of the database, or of a cookie, then yields nothing without the key,
 * which lives in the deployment's environment, not beside the data.
 */

const VERSION = "v1";

export function secretsKey(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const value = env.SECRETS_KEY?.trim();
  if (!value) return null;
  const key = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, "hex")
    : Buffer.from(value, "base64");
  return key.length === 32 ? key : null;
}

export const missingSecretsKey =
  "Set SECRETS_KEY on the server first (32 random bytes as 64 hex digits, e.g. from `openssl rand -hex 32`): client secrets are kept encrypted with it.";

/** `purpose` is bound into the seal, so a sealed secret cannot pass for a cookie, or the reverse. */
export function seal(plain: string, purpose: string, key = secretsKey()): string {
  if (!key) throw new Error(missingSecretsKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  return `${VERSION}.${sealed}`;
}

/** The plain text, or null when it was not sealed by us with this key for this purpose. */
export function unseal(sealed: string, purpose: string, key = secretsKey()): string | null {
  if (!key || !sealed.startsWith(`${VERSION}.`)) return null;
  try {
    const bytes = Buffer.from(sealed.slice(VERSION.length + 1), "base64url");
    if (bytes.length < 12 + 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([
      decipher.update(bytes.subarray(12, bytes.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
