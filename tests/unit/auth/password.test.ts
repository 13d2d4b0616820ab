import type * as nodeCrypto from "node:crypto";
import { scrypt, scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  verifyPassword,
} from "~/auth/password.server";

// A pass-through spy: scrypt still runs for real, and we can see that it did.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof nodeCrypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

const OWASP = { N: 2 ** 17, r: 8, p: 1 };
const composedCafe = "correct horse battery staple caf\u00e9";
const decomposedCafe = "correct horse battery staple cafe\u0301";

// scrypt at N=2^17 takes a few hundred ms (more on a busy machine): hash sparingly.
describe("storing and checking a password", { timeout: 30_000 }, () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(composedCafe);
  }, 30_000);

  it("accepts the password that was set and refuses any other", async () => {
    expect(await verifyPassword(stored, composedCafe)).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery staple cafe")).toBe(false);
  });

  it("accepts the same passphrase typed as different code points (NFKC)", async () => {
    expect(decomposedCafe).not.toBe(composedCafe);
    expect(await verifyPassword(stored, decomposedCafe)).toBe(true);
  });

  it("records scrypt and its parameters, at or above OWASP's, with a 16-byte salt and 32-byte key", () => {
    const [algorithm, parameters, salt, key] = stored.split("$");
    expect(algorithm).toBe("scrypt");
    const [, ln, r, p] = /^ln=(\d+),r=(\d+),p=(\d+)$/.exec(parameters ?? "") ?? [];
    expect(2 ** Number(ln)).toBeGreaterThanOrEqual(OWASP.N);
    expect(Number(r)).toBeGreaterThanOrEqual(OWASP.r);
    expect(Number(p)).toBeGreaterThanOrEqual(OWASP.p);
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(key ?? "", "base64")).toHaveLength(32);
  });

  it("salts each hash, so the same password never stores the same string twice", async () => {
    expect(await hashPassword(composedCafe)).not.toBe(stored);
  });

  it("reads the parameters from the stored string, so older, cheaper hashes still verify", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("an older passphrase", salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const older = `scrypt$ln=14,r=8,p=1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword(older, "an older passphrase")).toBe(true);
    expect(await verifyPassword(older, "a newer passphrase")).toBe(false);
  });

  it("refuses when there is no stored hash, after doing the full scrypt work anyway", async () => {
    const spy = vi.mocked(scrypt);
    spy.mockClear();
    expect(await verifyPassword(null, composedCafe)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[3]).toMatchObject(OWASP);
  });

  it("refuses to treat a damaged stored hash as a match", async () => {
    await expect(verifyPassword("plaintext-password", "plaintext-password")).rejects.toThrow(
      /format/,
    );
  });
});

describe("choosing a password", () => {
  it("refuses one shorter than 12 characters, counting an emoji as one character", () => {
    expect(passwordProblem("elevenchars")).toBe("Password must be 12 characters or more");
    expect(passwordProblem("🙂".repeat(11))).toBe("Password must be 12 characters or more");
    expect(passwordProblem("twelve chars")).toBeNull();
  });

  it("refuses one from the common-password list, whatever its case", () => {
    const common = "This is one of the most commonly used passwords. Choose another.";
    expect(passwordProblem("passwordpassword")).toBe(common);
    expect(passwordProblem("PasswordPassword")).toBe(common);
    expect(passwordProblem("1qaz2wsx3edc")).toBe(common);
  });

  it("refuses the person's own email address or name", () => {
    const person = { email: "Sam.Taylor@nhs.example", name: "Samantha Taylor" };
    expect(passwordProblem("sam.taylor@nhs.example", person)).toMatch(/email address or your name/);
    expect(passwordProblem("samantha taylor", person)).toMatch(/email address or your name/);
    expect(passwordProblem("samantha taylor", {})).toBeNull();
  });

  it("accepts a long passphrase with spaces and emoji, whole", () => {
    const passphrase = "the tide comes in over morecambe bay 🌊 and the trains still run ".repeat(
      4,
    );
    const long = [...passphrase].slice(0, 200).join("");
    expect([...long]).toHaveLength(200);
    expect(passwordProblem(long)).toBeNull();
  });

  it("refuses one beyond the generous maximum", () => {
    expect(passwordProblem("a".repeat(PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem("a".repeat(PASSWORD_MAX_LENGTH + 1))).toBe(
      `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
    );
  });
});
