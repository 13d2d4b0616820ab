import { decodeHex, encodeBase32NoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";

// RFC 6238 defaults: every authenticator app supports them, and some support nothing else.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// RFC 4226 recommends a 160-bit key for HMAC-SHA1.
const KEY_BYTES = 20;
// One step either side forgives a phone clock a little off, or a code typed as it rolls over.
const GRACE_STEPS = 1;

/** 20 random bytes, hex, as stored in app_user.totp_key. */
export function createTotpKey(): string {
  const key = new Uint8Array(KEY_BYTES);
  crypto.getRandomValues(key);
  return encodeHexLowerCase(key);
}

/** Base32 grouped in fours ("ABCD EFGH ..."), for someone typing the key into an app. */
export function totpKeyForDisplay(keyHex: string): string {
  const base32 = encodeBase32NoPadding(decodeHex(keyHex));
  return base32.match(/.{1,4}/g)?.join(" ") ?? "";
}

export function totpUri(args: { keyHex: string; accountName: string; issuer: string }): string {
  return createTOTPKeyURI(
    args.issuer,
    args.accountName,
    decodeHex(args.keyHex),
    PERIOD_SECONDS,
    DIGITS,
  );
}

/**
 * True when `code` is the code for `now`, or for the step either side.
 * Spaces are ignored: apps show "123 456" and people type what they see.
 *
 * We count steps ourselves from `now` (rather than @oslojs/otp's verifyTOTP,
 * which reads the system clock) so tests and callers control the time.
 */
export function verifyTotpCode(args: { keyHex: string; code: string; now: Date }): boolean {
  return totpStepOf(args) !== null;
}

/**
 * The time step `code` belongs to (now, or one either side), or null. Signing
 * in records it, so a code is accepted once only (see claimTotpStep).
 */
export function totpStepOf(args: { keyHex: string; code: string; now: Date }): number | null {
  const code = args.code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(code)) return null;
  const key = decodeHex(args.keyHex);
  const step = Math.floor(args.now.getTime() / (PERIOD_SECONDS * 1000));
  let matched: number | null = null;
  // Every candidate step is checked, so timing does not say which one matched.
  for (let offset = -GRACE_STEPS; offset <= GRACE_STEPS; offset++) {
    if (verifyHOTP(key, BigInt(step + offset), DIGITS, code)) matched = step + offset;
  }
  return matched;
}

/** The otpauth:// URI as an SVG QR code, labelled for screen readers. */
export function totpQrSvg(uri: string): string {
  // A four-module quiet zone is what the QR specification asks for; scanners struggle with less.
  const svg = renderSVG(uri, { ecc: "M", border: 4 });
  return svg.replace(
    "<svg ",
    '<svg role="img" aria-label="QR code to scan with your authenticator app" ',
  );
}
