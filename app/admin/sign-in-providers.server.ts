import type { OidcProvider } from "../../db/schema";
import { listFromText } from "../auth/oidc/claims";
import { issuerProblem, providerConfiguration } from "../auth/oidc/flow.server";
import { missingSecretsKey, seal, secretsKey } from "../auth/oidc/secrets.server";
import type { SignInProviderForm } from "../forms/sign-in-providers";
import type { FieldErrors } from "../forms/parse";
import type { ProviderInput } from "../models/oidc-providers.server";

/**
 * Checks an administrator's provider form beyond its schema: SECRETS_KEY is
 * set (the client secret is kept sealed with it), the issuer is https, and a
 * new provider has a secret. Then tries discovery with what was given, so a
 * mistyped issuer is found now rather than at someone's first sign-in.
 */
export async function providerInput(
  form: SignInProviderForm,
  existing: OidcProvider | null,
): Promise<{ ok: true; input: ProviderInput } | { ok: false; errors: FieldErrors }> {
  if (!secretsKey()) return { ok: false, errors: { clientSecret: missingSecretsKey } };
  const issuer = form.issuer.trim().replace(/\/$/, "");
  const problem = issuerProblem(issuer);
  if (problem) return { ok: false, errors: { issuer: problem } };
  if (!existing && !form.clientSecret) {
    return { ok: false, errors: { clientSecret: "Enter the client secret" } };
  }
  const input: ProviderInput = {
    name: form.name,
    issuer,
    clientId: form.clientId,
    sealedSecret: form.clientSecret ? seal(form.clientSecret, "oidc-client-secret") : null,
    allowedTenants: listFromText(form.allowedTenants),
    allowedDomains: listFromText(form.allowedDomains).map((d) => d.replace(/^@/, "").toLowerCase()),
  };
  const trial: OidcProvider = {
    id: 0,
    system_id: 0,
    name: input.name,
    issuer,
    client_id: input.clientId,
    client_secret: input.sealedSecret ?? existing?.client_secret ?? "",
    allowed_tenants: "[]",
    allowed_domains: "[]",
    created_at: "",
    updated_at: String(Date.now()),
  };
  try {
    await providerConfiguration(trial);
  } catch {
    return {
      ok: false,
      errors: {
        issuer: "No OpenID provider answered at this issuer address. Check it and try again.",
      },
    };
  }
  return { ok: true, input };
}
