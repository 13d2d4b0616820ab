import { describe, expect, it } from "vitest";
import { judgeIdentity, listFromText } from "~/auth/oidc/claims";
import { seal, unseal } from "~/auth/oidc/secrets.server";

const rules = { allowedTenants: ["tenant-a"], allowedDomains: [] };

describe("whether an organisation's account may sign in", () => {
  it("takes an account of an allowed tenant, matched by its e-mail, in lower case", () => {
    expect(
      judgeIdentity(
        { sub: "s1", tid: "Tenant-A", email: "Nia@NHS.net", amr: ["pwd", "mfa"] },
        rules,
      ),
    ).toEqual({ ok: true, subject: "s1", email: "nia@nhs.net", multiFactor: true });
  });

  it("refuses another tenant, or none, when tenants are listed", () => {
    expect(judgeIdentity({ sub: "s1", tid: "tenant-b", email: "a@nhs.net" }, rules)).toEqual({
      ok: false,
      reason: "tenant",
    });
    expect(judgeIdentity({ sub: "s1", email: "a@nhs.net" }, rules)).toEqual({
      ok: false,
      reason: "tenant",
    });
  });

  it("checks the e-mail domain when domains are listed", () => {
    const byDomain = { allowedTenants: [], allowedDomains: ["@nhs.net"] };
    expect(judgeIdentity({ sub: "s", email: "a@nhs.net" }, byDomain).ok).toBe(true);
    expect(judgeIdentity({ sub: "s", email: "a@evil.example" }, byDomain)).toEqual({
      ok: false,
      reason: "domain",
    });
    expect(judgeIdentity({ sub: "s", email: "a@sub.nhs.net" }, byDomain).ok).toBe(false);
  });

  it("uses preferred_username when there is no e-mail, never an address said to be unverified", () => {
    const open = { allowedTenants: [], allowedDomains: ["nhs.net"] };
    expect(judgeIdentity({ sub: "s", preferred_username: "b@nhs.net" }, open)).toMatchObject({
      ok: true,
      email: "b@nhs.net",
      multiFactor: false,
    });
    expect(judgeIdentity({ sub: "s", email: "c@nhs.net", email_verified: false }, open)).toEqual({
      ok: false,
      reason: "no-email",
    });
    expect(judgeIdentity({ email: "c@nhs.net" }, open)).toEqual({ ok: false, reason: "no-email" });
  });

  it("reads lists typed one per line or with commas, once each", () => {
    expect(listFromText(" nhs.net,\nnhs.uk  nhs.net\n")).toEqual(["nhs.net", "nhs.uk"]);
  });
});

describe("sealed secrets", () => {
  const key = Buffer.alloc(32, 7);
  it("open only with the same key and purpose", () => {
    const sealed = seal("client secret", "oidc-client-secret", key);
    expect(sealed).not.toContain("client secret");
    expect(unseal(sealed, "oidc-client-secret", key)).toBe("client secret");
    expect(unseal(sealed, "oidc-transaction", key)).toBeNull();
    expect(unseal(sealed, "oidc-client-secret", Buffer.alloc(32, 8))).toBeNull();
    expect(unseal(`${sealed.slice(0, -2)}xx`, "oidc-client-secret", key)).toBeNull();
  });
});
