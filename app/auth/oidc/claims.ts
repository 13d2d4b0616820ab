/**
 * Whether an organisation's account may sign in here, from its ID token's
 * claims (already checked for signature, issuer, audience, expiry and nonce
 * by openid-client). Pure, so each rule is tested on its own.
 */

export type ProviderRules = {
  /** Tenant ids (Microsoft Entra ID's `tid`) allowed; empty: not checked. */
  allowedTenants: string[];
  /** E-mail domains allowed (`nhs.net`); empty: not checked. */
  allowedDomains: string[];
};

export type IdentityJudgement =
  | { ok: true; subject: string; email: string; multiFactor: boolean }
  | { ok: false; reason: "tenant" | "domain" | "no-email" };

const normalise = (value: string) => value.trim().toLowerCase();

/**
 * The e-mail the account is matched by: `email`, else (Entra ID often sends
 * no `email`) `preferred_username` when it is an address. An address the
 * provider says is not verified is not used.
 */
export function judgeIdentity(
  claims: Record<string, unknown>,
  rules: ProviderRules,
): IdentityJudgement {
  const tenants = rules.allowedTenants.map(normalise);
  if (tenants.length > 0) {
    const tid = typeof claims.tid === "string" ? normalise(claims.tid) : "";
    if (!tenants.includes(tid)) return { ok: false, reason: "tenant" };
  }
  const candidate =
    typeof claims.email === "string" && claims.email_verified !== false
      ? claims.email
      : typeof claims.preferred_username === "string"
        ? claims.preferred_username
        : "";
  const email = normalise(candidate);
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || typeof claims.sub !== "string") {
    return { ok: false, reason: "no-email" };
  }
  const domains = rules.allowedDomains.map((d) => normalise(d).replace(/^@/, ""));
  if (domains.length > 0 && !domains.includes(email.split("@")[1] ?? "")) {
    return { ok: false, reason: "domain" };
  }
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return { ok: true, subject: claims.sub, email, multiFactor: amr.includes("mfa") };
}

/** A list typed one per line or separated by commas. */
export function listFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}
