import { describe, expect, it } from "vitest";
import { oncePerRequest, runInRequestScope } from "../../../app/auth/request-scope.server";

describe("oncePerRequest", () => {
  it("makes a value once within one request's scope, across awaits", async () => {
    let made = 0;
    const make = () => ++made;
    const seen = await runInRequestScope(async () => {
      const first = oncePerRequest("auth", make);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [first, oncePerRequest("auth", make)];
    });
    expect(seen).toEqual([1, 1]);
    expect(made).toBe(1);
  });

  it("keeps requests apart, even when they overlap", async () => {
    let made = 0;
    const one = () =>
      runInRequestScope(async () => {
        const value = oncePerRequest("auth", () => ++made);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return [value, oncePerRequest("auth", () => ++made)];
      });
    const [a, b] = await Promise.all([one(), one()]);
    expect(a![0]).toBe(a![1]);
    expect(b![0]).toBe(b![1]);
    expect(a![0]).not.toBe(b![0]);
    expect(made).toBe(2);
  });

  it("makes the value every time outside any request (scripts, direct calls)", () => {
    let made = 0;
    oncePerRequest("auth", () => ++made);
    oncePerRequest("auth", () => ++made);
    expect(made).toBe(2);
  });
});
