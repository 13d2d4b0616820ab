import { afterEach, describe, expect, it, vi } from "vitest";
import { appConfig } from "~/utils/env.server";

afterEach(() => vi.unstubAllEnvs());

describe("attempt limits", () => {
  it("default to the limits a real deployment runs with", () => {
    expect(appConfig().limits).toEqual({
      signIn: { perAccount: 5, perAddress: 30 },
      twoFactor: { perAccount: 5, perAddress: 30 },
      passwordReset: { perAccount: 3, perAddress: 20 },
      link: { perAccount: 10, perAddress: 30 },
    });
  });

  it("can be raised for a test server that signs in many times from one address", () => {
    vi.stubEnv("SIGN_IN_LIMIT_PER_ADDRESS", "500");
    vi.stubEnv("TWO_FACTOR_LIMIT_PER_ACCOUNT", "50");
    const limits = appConfig().limits;
    expect(limits.signIn).toEqual({ perAccount: 5, perAddress: 500 });
    expect(limits.twoFactor).toEqual({ perAccount: 50, perAddress: 30 });
  });

  it("ignores a value that is not a positive number, rather than switching a limit off", () => {
    vi.stubEnv("SIGN_IN_LIMIT_PER_ACCOUNT", "0");
    vi.stubEnv("SIGN_IN_LIMIT_PER_ADDRESS", "lots");
    expect(appConfig().limits.signIn).toEqual({ perAccount: 5, perAddress: 30 });
  });
});
