import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "~/http/safe-redirect";

const HOME = "/home";

describe("a redirect asked for by a request stays on this site", () => {
  it.each([
    ["/organisations/3", "/organisations/3"],
    [
      "/organisations/3/periods/7?saved=1.2#c1-2-block",
      "/organisations/3/periods/7?saved=1.2#c1-2-block",
    ],
    ["/sign-in?redirectTo=%2Fadmin", "/sign-in?redirectTo=%2Fadmin"],
    // Encoded slashes stay encoded: a path on this site, not a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the path %j", (target, expected) => {
    expect(safeRedirectPath(target, HOME)).toBe(expected);
  });

  it.each([
    ["another host", "//evil.example"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["a tab browsers strip", "/\t/evil.example"],
    ["a newline browsers strip", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/x"],
    ["a C1 control", "/\u0085/x"],
    ["DEL", "/\u007f/x"],
    ["a scheme", "https://evil.example"],
    ["a scheme with no slashes", "https:evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["a relative path", "evil.example"],
    ["an encoded path that is not a path", "%2F%2Fevil.example"],
    ["an encoded newline in front", "%0A/evil.example"],
    ["nothing", ""],
    ["a very long value", `/${"a".repeat(MAX_REDIRECT_LENGTH)}`],
  ])("refuses %s", (_, target) => {
    expect(safeRedirectPath(target, HOME)).toBe(HOME);
  });

  it("refuses what is not text (a file field, or nothing sent)", () => {
    expect(safeRedirectPath(null, HOME)).toBe(HOME);
    expect(safeRedirectPath(new File(["x"], "/x"), HOME)).toBe(HOME);
  });

  it("accepts a path exactly at the length limit", () => {
    const path = `/${"a".repeat(MAX_REDIRECT_LENGTH - 1)}`;
    expect(safeRedirectPath(path, HOME)).toBe(path);
  });
});
