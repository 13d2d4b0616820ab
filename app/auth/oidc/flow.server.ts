import * as client from "openid-client";
import type { OidcProvider } from "../../../db/schema";
import { getDb } from "../../models/db.server";
import {
  providerLists,
  recordIdentityUse,
  subjectOfUser,
  userForSubject,
} from "../../models/oidc-providers.server";
import { findUserByEmail, getUserById, listGrants } from "../../models/users.server";
import { appConfig } from "../../utils/env.server";
import { judgeIdentity } from "./claims";
import { seal, unseal } from "./secrets.server";

/**
 * Signing in with the organisation's own account (OpenID Connect), through
 * openid-client, a certified relying party: the authorisation code flow
 * with PKCE, `state` and `nonce`; the ID token's signature, issuer, audience
 * and expiry are checked by the library, its tenant and e-mail domain here.
 * The person must already have been invited: signing in never creates an
 * account, and a refusal changes nothing in the database.
 */

export const CALLBACK_PATH = "/sign-in/oidc/callback";
/** Clocks of NTP-synchronised servers agree within this; a token past its expiry by more is refused. */
const CLOCK_TOLERANCE_SECONDS = 5;
const TRANSACTION_PURPOSE = "oidc-transaction";
const TRANSACTION_MINUTES = 10;

const loopbackHost = (host: string) =>
  host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** An issuer must be https; plain http only on this machine (a provider in the tests). */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Enter the issuer as a web address, like https://login.microsoftonline.com/<tenant>/v2.0";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && loopbackHost(url.hostname)) return null;
  return "The issuer must be an https address";
}

const configurations = new Map<string, Promise<client.Configuration>>();

/** The provider's discovered configuration, fetched once per process (and again after an edit). */
export function providerConfiguration(provider: OidcProvider): Promise<client.Configuration> {
  const cacheKey = `${provider.id}:${provider.updated_at}`;
  let found = configurations.get(cacheKey);
  if (!found) {
    const secret = unseal(provider.client_secret, "oidc-client-secret");
    if (secret === null)
      throw new Error(
        `The client secret of provider ${provider.id} cannot be read with this SECRETS_KEY`,
      );
    const insecure = new URL(provider.issuer).protocol === "http:";
    found = client
      .discovery(
        new URL(provider.issuer),
        provider.client_id,
        { [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
        client.ClientSecretPost(secret),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configurations.delete(cacheKey);
        throw error;
      });
    configurations.set(cacheKey, found);
  }
  return found;
}

type Transaction = {
  providerId: number;
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  startedAt: number;
};

export const transactionCookieName = () =>
  appConfig().https ? "__Host-anchor_oidc" : "anchor_oidc";

function transactionCookie(value: string, maxAgeSeconds: number) {
  return [
    `${transactionCookieName()}=${value}`,
    "Path=/",
    "HttpOnly",
    // Lax: the provider sends the browser back with a top-level GET, which Lax allows.
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(appConfig().https ? ["Secure"] : []),
  ].join("; ");
}

export const clearedTransactionCookie = () => transactionCookie("", 0);

/** Where to send the browser, and the sealed cookie holding this sign-in's state, nonce and verifier. */
export async function startOrganisationSignIn(provider: OidcProvider, redirectTo: string) {
  const config = await providerConfiguration(provider);
  const transaction: Transaction = {
    providerId: provider.id,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo,
    startedAt: Date.now(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${appConfig().linkOrigin}${CALLBACK_PATH}`,
    scope: "openid email profile",
    response_type: "code",
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: "S256",
  });
  const cookie = transactionCookie(
    seal(JSON.stringify(transaction), TRANSACTION_PURPOSE),
    TRANSACTION_MINUTES * 60,
  );
  return { url: url.href, cookie };
}

export type OrganisationRefusal =
  | "no-transaction"
  | "provider-said-no"
  | "code"
  | "token"
  | "expired"
  | "nonce"
  | "tenant"
  | "domain"
  | "no-email"
  | "unknown-person"
  | "linked-elsewhere";

export type OrganisationSignIn =
  | {
      ok: true;
      userId: number;
      provider: OidcProvider;
      subject: string;
      multiFactor: boolean;
      redirectTo: string;
    }
  | { ok: false; reason: OrganisationRefusal; provider: OidcProvider | null; email?: string };

function readTransaction(request: Request): Transaction | null {
  const wanted = transactionCookieName();
  for (const pair of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name !== wanted) continue;
    const plain = unseal(rest.join("="), TRANSACTION_PURPOSE);
    if (!plain) return null;
    const transaction = JSON.parse(plain) as Transaction;
    if (Date.now() - transaction.startedAt > TRANSACTION_MINUTES * 60_000) return null;
    return transaction;
  }
  return null;
}

/**
 * The refusal a library error stands for: a code used already, a nonce or
 * expiry that fails. openid-client wraps oauth4webapi's errors, so the
 * claim at fault is found down the chain of causes.
 */
function refusalOf(error: unknown): OrganisationRefusal {
  type Link = {
    code?: unknown;
    error?: unknown;
    claim?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  const chain: Link[] = [];
  for (let link = error as Link | undefined; link && chain.length < 5;) {
    chain.push(link);
    link = typeof link.cause === "object" && link.cause !== null ? (link.cause as Link) : undefined;
  }
  if (chain.some((l) => l.error === "invalid_grant")) return "code";
  if (chain.some((l) => l.claim === "nonce")) return "nonce";
  if (chain.some((l) => l.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" || l.claim === "exp")) {
    return "expired";
  }
  return "token";
}

/**
 * The provider's answer at the callback, judged: the transaction from the
 * cookie, the code exchanged (PKCE verifier, state, nonce), the ID token's
 * claims, then the invited person. Writes only on success (the subject
 * linked or its use noted).
 */
export async function finishOrganisationSignIn(
  request: Request,
  loadProvider: (id: number) => Promise<OidcProvider | undefined>,
): Promise<OrganisationSignIn> {
  const transaction = readTransaction(request);
  if (!transaction) return { ok: false, reason: "no-transaction", provider: null };
  const provider = (await loadProvider(transaction.providerId)) ?? null;
  if (!provider) return { ok: false, reason: "no-transaction", provider: null };
  const callback = new URL(request.url);
  if (callback.searchParams.has("error"))
    return { ok: false, reason: "provider-said-no", provider };
  // Judged against our own address, never the Host the request names.
  const currentUrl = new URL(`${appConfig().linkOrigin}${CALLBACK_PATH}${callback.search}`);
  let claims: Record<string, unknown> | undefined;
  try {
    const config = await providerConfiguration(provider);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Record<string, unknown> | undefined;
  } catch (error) {
    const reason = refusalOf(error);
    console.warn(
      `${new Date().toISOString()} warning: organisation sign-in refused (${reason}) for provider ${provider.id}: ${String((error as Error).message ?? error).slice(0, 200)}`,
    );
    return { ok: false, reason, provider };
  }
  if (!claims) return { ok: false, reason: "token", provider };
  const judged = judgeIdentity(claims, providerLists(provider));
  if (!judged.ok) return { ok: false, reason: judged.reason, provider };

  const db = getDb();
  const linked = await userForSubject(db, { providerId: provider.id, subject: judged.subject });
  // Invited (with or without a password yet), active, and with a role in the provider's system.
  const user = linked
    ? await getUserById(db, { id: linked })
    : await findUserByEmail(db, { email: judged.email });
  const grants = user ? await listGrants(db, { userId: user.id }) : [];
  if (!user || user.deactivated_at || !grants.some((g) => g.systemId === provider.system_id)) {
    return { ok: false, reason: "unknown-person", provider, email: judged.email };
  }
  // One subject per person at a provider: a second account claiming their address is refused.
  const known = await subjectOfUser(db, { providerId: provider.id, userId: user.id });
  if (known !== null && known !== judged.subject) {
    return { ok: false, reason: "linked-elsewhere", provider, email: judged.email };
  }
  const userId = user.id;
  await recordIdentityUse(db, {
    providerId: provider.id,
    userId,
    subject: judged.subject,
    now: new Date(),
  });
  return {
    ok: true,
    userId,
    provider,
    subject: judged.subject,
    multiFactor: judged.multiFactor,
    redirectTo: transaction.redirectTo,
  };
}
