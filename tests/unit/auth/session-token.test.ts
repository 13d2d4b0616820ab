import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSessionToken, sessionIdFromToken } from "~/models/sessions.server";

describe("session tokens", () => {
  it("are 32 base32 characters (160 bits) and never repeat over 10,000 sign-ins", () => {
    const tokens = Array.from({ length: 10_000 }, generateSessionToken);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(new Set(tokens).size).toBe(10_000);
  });

  it("use every base32 character, as random bytes would", () => {
    const seen = new Set(Array.from({ length: 200 }, generateSessionToken).join(""));
    expect(seen.size).toBe(32);
  });

  it("are known to the database only by their SHA-256, in lower-case hex", () => {
    const token = generateSessionToken();
    const expected = createHash("sha256").update(token, "utf8").digest("hex");
    expect(sessionIdFromToken(token)).toBe(expected);
    expect(sessionIdFromToken(token)).not.toContain(token);
  });
});
