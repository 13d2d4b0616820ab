import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { Passkey, User } from "../../db/schema";
import { getDb } from "../models/db.server";
import {
  addPasskey,
  findPasskeyByCredentialId,
  listPasskeys,
  recordPasskeyUse,
  saveChallenge,
  takeChallenge,
} from "../models/passkeys.server";
import { appConfig } from "../utils/env.server";

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server (ADR 034). The relying
 * party is APP_ORIGIN: its host is the RP ID, and an answer signed for any
 * other origin (a look-alike site relaying our pages) is refused. Every
 * challenge is stored and used once; a counter that does not move forward
 * (a cloned authenticator) is refused.
 */

const RP_NAME = "Anchor Charter";

function relyingParty() {
  const origin = appConfig().linkOrigin;
  if (!origin) throw new Error("Passkeys need APP_ORIGIN");
  return { origin, rpID: new URL(origin).hostname };
}

export type PasskeyRefusal =
  "expired" | "unknown" | "not-verified" | "counter" | "origin" | "not-yours" | "malformed";

/** What a person reads when a passkey is refused. */
export const passkeyRefusalText: Record<PasskeyRefusal, string> = {
  expired: "That took too long, or the request was already used. Try again.",
  unknown: "This passkey is not registered with the Anchor Charter platform. Sign in another way.",
  "not-verified":
    "Your passkey could not be checked. Try again, or sign in with your password and security code.",
  counter:
    "This passkey was refused because it may have been copied. Sign in another way and remove it from your account.",
  origin: "This passkey was used on another website, so it was refused.",
  "not-yours": "This passkey belongs to another account.",
  malformed: "The browser's answer could not be read. Try again.",
};

const passkeyTransports = (passkey: Passkey) =>
  (passkey.transports ? JSON.parse(passkey.transports) : []) as AuthenticatorTransportFuture[];

/** Options for adding a passkey to `user`'s account; excludes those already added. */
export async function registrationOptions(user: Pick<User, "id" | "email" | "name">) {
  const { rpID } = relyingParty();
  const db = getDb();
  const existing = await listPasskeys(db, { userId: user.id });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    // Our own stable id for the person, never the e-mail address.
    userID: new TextEncoder().encode(`anchor-user-${user.id}`),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.credential_id,
      transports: passkeyTransports(p),
    })),
    // A discoverable credential, so it can sign in by itself; verified by PIN or biometrics.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await saveChallenge(db, {
    challenge: options.challenge,
    purpose: "register",
    userId: user.id,
    now: new Date(),
  });
  return options;
}

export async function registerPasskey(args: {
  userId: number;
  name: string;
  response: RegistrationResponseJSON;
}): Promise<{ ok: true; passkey: Passkey } | { ok: false; problem: PasskeyRefusal }> {
  const { origin, rpID } = relyingParty();
  const db = getDb();
  const now = new Date();
  const challenge = challengeOf(args.response);
  if (!challenge) return { ok: false, problem: "malformed" };
  if (!(await takeChallenge(db, { challenge, purpose: "register", userId: args.userId, now }))) {
    return { ok: false, problem: "expired" };
  }
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: args.response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch (error) {
    return { ok: false, problem: originProblem(error) ?? "not-verified" };
  }
  if (!verification.verified) return { ok: false, problem: "not-verified" };
  const { credential, credentialBackedUp } = verification.registrationInfo;
  if (await findPasskeyByCredentialId(db, { credentialId: credential.id })) {
    return { ok: false, problem: "not-yours" };
  }
  const passkey = await addPasskey(db, {
    userId: args.userId,
    credentialId: credential.id,
    publicKey: encodeBase64urlNoPadding(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name: args.name,
    backedUp: credentialBackedUp,
    now,
  });
  return { ok: true, passkey };
}

/**
 * Options for signing in with a passkey. With no user, any discoverable
 * passkey of ours may answer, and it must verify the person (PIN or
 * biometrics): it is then both factors. With a user (the password is
 * given), only their own passkeys, as the second factor.
 */
export async function authenticationOptions(user: { id: number } | null) {
  const { rpID } = relyingParty();
  const db = getDb();
  const allowCredentials = user
    ? (await listPasskeys(db, { userId: user.id })).map((p) => ({
        id: p.credential_id,
        transports: passkeyTransports(p),
      }))
    : [];
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials,
    userVerification: user ? "preferred" : "required",
  });
  await saveChallenge(db, {
    challenge: options.challenge,
    purpose: user ? "second_factor" : "sign_in",
    userId: user?.id ?? null,
    now: new Date(),
  });
  return options;
}

export async function verifyPasskeySignIn(args: {
  /** Set when the passkey is the second factor after this person's password. */
  userId: number | null;
  response: AuthenticationResponseJSON;
}): Promise<
  { ok: true; userId: number; passkey: Passkey } | { ok: false; problem: PasskeyRefusal }
> {
  const { origin, rpID } = relyingParty();
  const db = getDb();
  const now = new Date();
  const challenge = challengeOf(args.response);
  if (!challenge || typeof args.response.id !== "string")
    return { ok: false, problem: "malformed" };
  const purpose = args.userId === null ? "sign_in" : "second_factor";
  if (!(await takeChallenge(db, { challenge, purpose, userId: args.userId, now }))) {
    return { ok: false, problem: "expired" };
  }
  const passkey = await findPasskeyByCredentialId(db, { credentialId: args.response.id });
  if (!passkey) return { ok: false, problem: "unknown" };
  if (args.userId !== null && passkey.user_id !== args.userId) {
    return { ok: false, problem: "not-yours" };
  }
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: args.response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: Uint8Array.from(decodeBase64urlIgnorePadding(passkey.public_key)),
        counter: passkey.counter,
        transports: passkeyTransports(passkey),
      },
      requireUserVerification: args.userId === null,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/counter/i.test(message)) return { ok: false, problem: "counter" };
    return { ok: false, problem: originProblem(error) ?? "not-verified" };
  }
  if (!verification.verified) return { ok: false, problem: "not-verified" };
  const moved = await recordPasskeyUse(db, {
    id: passkey.id,
    previousCounter: passkey.counter,
    newCounter: verification.authenticationInfo.newCounter,
    now,
  });
  if (!moved) return { ok: false, problem: "counter" };
  return { ok: true, userId: passkey.user_id, passkey };
}

function originProblem(error: unknown): PasskeyRefusal | null {
  const message = error instanceof Error ? error.message : "";
  return /origin|RP ID/i.test(message) ? "origin" : null;
}

/** The challenge the browser says it answered, read from clientDataJSON (checked again by the library). */
function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  try {
    const json = response.response?.clientDataJSON;
    if (typeof json !== "string") return null;
    const data = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(json))) as {
      challenge?: unknown;
    };
    return typeof data.challenge === "string" && data.challenge.length <= 200
      ? data.challenge
      : null;
  } catch {
    return null;
  }
}
