import { decodeBase32, decodeHex } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import {
  createTotpKey,
  totpKeyForDisplay,
  totpQrSvg,
  totpUri,
  verifyTotpCode,
} from "~/auth/totp.server";

// The RFC 6238 appendix B key ("12345678901234567890" in ASCII) and its SHA-1 vectors.
const rfcKeyHex = Buffer.from("12345678901234567890").toString("hex");
const STEP_MS = 30_000;

function codeAt(keyHex: string, time: Date) {
  return generateHOTP(decodeHex(keyHex), BigInt(Math.floor(time.getTime() / STEP_MS)), 6);
}

describe("checking a code from an authenticator app", () => {
  const now = new Date("2026-11-23T10:15:07Z");

  it("matches the RFC 6238 test vectors", () => {
    expect(verifyTotpCode({ keyHex: rfcKeyHex, code: "287082", now: new Date(59_000) })).toBe(true);
    const later = new Date(1_111_111_109_000);
    expect(verifyTotpCode({ keyHex: rfcKeyHex, code: "081804", now: later })).toBe(true);
  });

  it("accepts the code for now, and for the step either side of it", () => {
    const keyHex = createTotpKey();
    for (const offset of [-1, 0, 1]) {
      const code = codeAt(keyHex, new Date(now.getTime() + offset * STEP_MS));
      expect(verifyTotpCode({ keyHex, code, now })).toBe(true);
    }
  });

  it("refuses a code from two steps away", () => {
    const keyHex = rfcKeyHex;
    for (const offset of [-2, 2]) {
      const code = codeAt(keyHex, new Date(now.getTime() + offset * STEP_MS));
      const nearby = [-1, 0, 1].map((o) => codeAt(keyHex, new Date(now.getTime() + o * STEP_MS)));
      expect(nearby).not.toContain(code);
      expect(verifyTotpCode({ keyHex, code, now })).toBe(false);
    }
  });

  it("refuses a wrong code, and anything that is not six digits", () => {
    const keyHex = rfcKeyHex;
    const valid = [-1, 0, 1].map((o) => codeAt(keyHex, new Date(now.getTime() + o * STEP_MS)));
    const wrong = ["000000", "111111", "222222"].find((code) => !valid.includes(code)) ?? "";
    expect(verifyTotpCode({ keyHex, code: wrong, now })).toBe(false);
    const code = codeAt(keyHex, now);
    expect(verifyTotpCode({ keyHex, code: code.slice(0, 5), now })).toBe(false);
    expect(verifyTotpCode({ keyHex, code: `${code}0`, now })).toBe(false);
    expect(verifyTotpCode({ keyHex, code: "12345a", now })).toBe(false);
  });

  it("ignores the spaces people type, as apps show '123 456'", () => {
    const keyHex = rfcKeyHex;
    const code = codeAt(keyHex, now);
    const spaced = ` ${code.slice(0, 3)} ${code.slice(3)} `;
    expect(verifyTotpCode({ keyHex, code: spaced, now })).toBe(true);
  });
});

describe("setting up an authenticator app", () => {
  it("makes a fresh 20-byte key each time", () => {
    const key = createTotpKey();
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(createTotpKey()).not.toBe(key);
  });

  it("shows the key as base32 in groups of four, which decodes back to the key", () => {
    const display = totpKeyForDisplay(rfcKeyHex);
    expect(display).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(Buffer.from(decodeBase32(display.replaceAll(" ", ""))).toString("hex")).toBe(rfcKeyHex);
  });

  it("offers an otpauth:// link naming the service, the person, and the code settings", () => {
    const uri = new URL(
      totpUri({ keyHex: rfcKeyHex, accountName: "sam@nhs.example", issuer: "Anchor Charter" }),
    );
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.href.startsWith("otpauth://totp/Anchor%20Charter:sam%40nhs.example?")).toBe(true);
    expect(uri.searchParams.get("secret")).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(uri.searchParams.get("issuer")).toBe("Anchor Charter");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("digits")).toBe("6");
  });

  it("draws the link as a QR code that screen readers announce as an image", () => {
    const svg = totpQrSvg("otpauth://totp/Anchor:sam?secret=GEZDGNBV");
    expect(svg).toMatch(
      /^<svg role="img" aria-label="[^"]+" xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain("<path");
    expect(svg.endsWith("</svg>")).toBe(true);
  });
});
