import { describe, expect, it } from "vitest";
import {
  readSessionToken,
  serializeClearedSessionCookie,
  serializeSessionCookie,
  sessionCookieName,
} from "~/auth/session-cookie.server";

const token = "abcdefghijklmnopqrstuvwxyz234567";
const expiresAt = new Date("2026-11-23T21:00:00Z");

function attributes(cookie: string) {
  const [nameValue, ...rest] = cookie.split("; ");
  return { nameValue, rest };
}

function requestWithCookie(header: string) {
  return new Request("http://127.0.0.1/", { headers: { Cookie: header } });
}

describe("the session cookie over https", () => {
  const secure = { secure: true };

  it("is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, and expires with the session", () => {
    const { nameValue, rest } = attributes(serializeSessionCookie(token, expiresAt, secure));
    expect(nameValue).toBe(`__Host-anchor_session=${token}`);
    expect(rest.sort()).toEqual(
      [
        "Path=/",
        "HttpOnly",
        "SameSite=Lax",
        "Secure",
        "Expires=Mon, 23 Nov 2026 21:00:00 GMT",
      ].sort(),
    );
  });

  it("is read only under its __Host- name, so a plain cookie cannot stand in for it", () => {
    expect(readSessionToken(requestWithCookie(`anchor_session=${token}`), secure)).toBeNull();
    expect(readSessionToken(requestWithCookie(`__Host-anchor_session=${token}`), secure)).toBe(
      token,
    );
  });
});

describe("the session cookie on plain http (local demos)", () => {
  const plain = { secure: false };

  it("has no prefix and no Secure flag, which a browser would refuse over http", () => {
    expect(sessionCookieName(false)).toBe("anchor_session");
    const cookie = serializeSessionCookie(token, expiresAt, plain);
    expect(cookie.startsWith(`anchor_session=${token}; `)).toBe(true);
    expect(attributes(cookie).rest).toEqual([
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      "Expires=Mon, 23 Nov 2026 21:00:00 GMT",
    ]);
  });
});

describe("reading the token from a request", () => {
  const plain = { secure: false };

  it("finds it among several cookies, with or without spaces", () => {
    expect(
      readSessionToken(requestWithCookie(`theme=dark; anchor_session=${token}; seen=1`), plain),
    ).toBe(token);
    expect(readSessionToken(requestWithCookie(`theme=dark;anchor_session=${token}`), plain)).toBe(
      token,
    );
  });

  it("skips malformed cookies on the way, even one whose name begins with ours", () => {
    const header = `junk; =; theme=a=b;  anchor_session = ${token} `;
    expect(readSessionToken(requestWithCookie(header), plain)).toBe(token);
    const flag = `anchor_sessions; anchor_session=${token}`;
    expect(readSessionToken(requestWithCookie(flag), plain)).toBe(token);
  });

  it("accepts a quoted value, but not a quote at one end only", () => {
    expect(readSessionToken(requestWithCookie(`anchor_session="${token}"`), plain)).toBe(token);
    expect(readSessionToken(requestWithCookie(`anchor_session="${token}`), plain)).toBeNull();
    expect(readSessionToken(requestWithCookie(`anchor_session=${token}"`), plain)).toBeNull();
  });

  it("takes only lower-case base32 of 16 to 128 characters, so nothing else reaches the database", () => {
    const read = (value: string) =>
      readSessionToken(requestWithCookie(`anchor_session=${value}`), plain);
    expect(read("a".repeat(16))).toBe("a".repeat(16));
    expect(read("7".repeat(128))).toBe("7".repeat(128));
    for (const value of [
      "a".repeat(15),
      "a".repeat(129),
      token.toUpperCase(),
      `${token.slice(1)}1`,
      `${token.slice(1)}8`,
      `!${token}`,
      `${token}!`,
    ]) {
      expect(read(value), value).toBeNull();
    }
  });

  it("finds nothing without a Cookie header, without the cookie, or with a value that is not a token", () => {
    expect(readSessionToken(new Request("http://127.0.0.1/"), plain)).toBeNull();
    expect(readSessionToken(requestWithCookie("theme=dark"), plain)).toBeNull();
    expect(readSessionToken(requestWithCookie("anchor_session="), plain)).toBeNull();
    expect(readSessionToken(requestWithCookie("anchor_session=' OR 1=1 --"), plain)).toBeNull();
  });
});

describe("signing out", () => {
  it.each([true, false])("clears the cookie at once (secure: %s)", (secure) => {
    const { nameValue, rest } = attributes(serializeClearedSessionCookie({ secure }));
    expect(nameValue).toBe(`${sessionCookieName(secure)}=`);
    expect(rest).toContain("Max-Age=0");
    expect(rest).toContain("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    expect(rest).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(rest.includes("Secure")).toBe(secure);
  });
});
