import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { getDb } from "../models/db.server";
import { replaceRecoveryCodes } from "../models/recovery-codes.server";

/**
 * Recovery codes: ten, each 120 random bits (ASVS 6.5.2 lets a plain hash
 * store a secret of 112 bits or more), written as six groups of four
 * letters and digits, each usable once, shown once and stored as SHA-256.
 */
const CODES = 10;
const CODE_BYTES = 15;

/** What people type is compared without case, spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

export function hashRecoveryCode(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}

function newCode(): string {
  const bytes = new Uint8Array(CODE_BYTES);
  crypto.getRandomValues(bytes);
  return (encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g) ?? []).join("-");
}

/** A new set for the person, replacing any earlier one; the codes are returned to show once. */
export async function issueRecoveryCodes(args: { userId: number; now: Date }): Promise<string[]> {
  const codes = Array.from({ length: CODES }, newCode);
  await replaceRecoveryCodes(getDb(), {
    userId: args.userId,
    codeHashes: codes.map(hashRecoveryCode),
    now: args.now,
  });
  return codes;
}
