import { redirect } from "@remix-run/node";
import { refusal } from "../http/refusal";
import type { Session, User } from "../../db/schema";
import {
  adminSystemIds,
  canEditAssessment,
  canManagePeople,
  canReadOrganisation,
  canReadGoodPractice,
  canReadPlace,
  canReadSheet,
  canReadSubmittedReturns,
  canReadSystemRollup,
  canReopenAssessment,
  canReviewPlace,
  canSetOrganisationTarget,
  exportReach,
  type Principal,
  requiresSecondFactor,
} from "../access/policy";
import type { ExportOrganisations } from "../models/analyst-exports.server";
import { getOrganisation, type OrganisationRow } from "../models/organisations.server";
import { getPeriod } from "../models/periods.server";
import { getPlace, getSystem } from "../models/places.server";
import { getAssessment } from "../models/sheet.server";
import { getSubmission } from "../models/submissions.server";
import {
  createSession,
  generateSessionToken,
  invalidateSession,
  readSession,
} from "../models/sessions.server";
import { countPasskeys } from "../models/passkeys.server";
import { isAutosave } from "../http/autosave.server";
import { holdPost } from "./held-posts.server";
import { releaseHeldPost } from "../models/held-posts.server";
import { isDemoData } from "../models/settings.server";
import { type GrantRow, listGrants } from "../models/users.server";
import { getDb } from "../models/db.server";
import { oncePerRequest } from "./request-scope.server";
import { appConfig } from "../utils/env.server";
import {
  readSessionToken,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from "./session-cookie.server";

export type Auth = {
  user: User;
  session: Session;
  grants: GrantRow[];
  principal: Principal;
  /** Demo accounts on demo data may skip the second factor everyone else must use. */
  secondFactorExempt: boolean;
  /** How many passkeys the person has registered. */
  passkeyCount: number;
};

/** Whether the person has any second factor: an authenticator app or a passkey. */
export const hasSecondFactor = (auth: Pick<Auth, "user" | "passkeyCount">) =>
  auth.user.totp_enabled_at !== null || auth.passkeyCount > 0;

/** Signed in with a password (or an organisation's account) and still owing the second factor. */
export const owesSecondFactor = (auth: Auth) =>
  hasSecondFactor(auth) && !auth.session.two_factor_verified;

/** Whether the person must set a second factor up before anything else. */
export const mustSetUpSecondFactor = (auth: Auth) =>
  requiresSecondFactor(auth.principal) && !hasSecondFactor(auth) && !auth.secondFactorExempt;

type AuthLookup = {
  auth: Auth | null;
  /** The browser's session has just ended: whose it was, and why. */
  ended: { userId: number; reason: "idle" | "expired" } | null;
};

/**
 * The signed-in person, or null. Does not enforce the second factor: see
 * requireUser. Looked up once per page request (root and page loaders alike,
 * four queries each); a post looks again, since its action may change who is
 * signed in before the page's loaders run.
 */
export async function getAuth(request: Request): Promise<Auth | null> {
  return (await lookUpOnce(request)).auth;
}

function lookUpOnce(request: Request): Promise<AuthLookup> {
  const reading = request.method === "GET" || request.method === "HEAD";
  return reading ? oncePerRequest("auth", () => lookUpAuth(request)) : lookUpAuth(request);
}

/**
 * The signed-in person without counting this request as activity, and without
 * ending an expired session: for the idle warning's "how long is left?".
 */
export async function peekAuth(request: Request): Promise<Auth | null> {
  return (await lookUpAuth(request, { touch: false })).auth;
}

async function lookUpAuth(
  request: Request,
  options: { touch?: boolean } = {},
): Promise<AuthLookup> {
  const config = appConfig();
  const token = readSessionToken(request, { secure: config.https });
  if (!token) return { auth: null, ended: null };
  const db = getDb();
  const result = await readSession(db, {
    token,
    now: new Date(),
    idleMinutes: config.session.idleMinutes,
    touch: options.touch,
  });
  if (result.kind === "ended") return { auth: null, ended: result };
  if (result.kind === "none") return { auth: null, ended: null };
  const grants = await listGrants(db, { userId: result.user.id });
  const secondFactorExempt = result.user.is_demo === 1 && (await isDemoData(db));
  const passkeyCount = await countPasskeys(db, { userId: result.user.id });
  return {
    auth: {
      session: result.session,
      user: result.user,
      grants,
      principal: { userId: result.user.id, grants },
      secondFactorExempt,
      passkeyCount,
    },
    ended: null,
  };
}

/** Where a signed-in person goes first: their organisation, their place, or administration. */
export function homePathFor(auth: Pick<Auth, "grants">): string {
  const grants = auth.grants;
  if (grants.some((g) => g.role === "admin")) return "/admin";
  const reader = grants.find((g) => g.role === "system_reader");
  if (reader) return `/systems/${reader.systemId}`;
  const place = grants.find((g) => g.role === "place_lead" || g.role === "steering_member");
  if (place?.placeId) return `/places/${place.placeId}`;
  const champion = grants.find((g) => g.role === "champion");
  if (champion?.organisationId) return `/organisations/${champion.organisationId}`;
  return "/account";
}

function currentPath(request: Request) {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/**
 * The signed-in person, having passed their second factor, and (for roles
 * that must use one) having set it up. Otherwise redirects to the step missing.
 */
export async function requireUser(
  request: Request,
  options: { allowSecondFactorSetup?: boolean } = {},
): Promise<Auth> {
  const { auth, ended } = await lookUpOnce(request);
  const here = encodeURIComponent(currentPath(request));
  if (!auth) {
    if (!ended) throw redirect(`/sign-in?redirectTo=${here}`);
    throw await sessionEnded(request, ended, here);
  }
  if (owesSecondFactor(auth)) {
    throw redirect(`/sign-in/two-factor?redirectTo=${here}`);
  }
  if (mustSetUpSecondFactor(auth) && !options.allowSecondFactorSetup) {
    throw redirect("/account/two-factor?required=1");
  }
  // A held form sent again from /session/held: it is no longer held, whatever the action answers
  // (a refusal shows the values again, as any refused form does).
  const heldPost = request.method === "POST" && new URL(request.url).searchParams.get("heldPost");
  if (heldPost && /^\d{1,12}$/.test(heldPost)) {
    await releaseHeldPost(getDb(), { userId: auth.user.id, id: Number(heldPost) });
  }
  return auth;
}

/**
 * The person's session has just ended. The sign-in page is told why; a form
 * they posted (not an autosave, whose typing the browser keeps) is held for
 * them server-side, to be shown back once they sign in again (issue 21).
 */
async function sessionEnded(
  request: Request,
  ended: NonNullable<AuthLookup["ended"]>,
  here: string,
): Promise<Response> {
  const held =
    request.method === "POST" && !isAutosave(request)
      ? await holdPost(request, { userId: ended.userId })
      : false;
  return redirect(`/sign-in?redirectTo=${here}&ended=${ended.reason}${held ? "&held=1" : ""}`, {
    headers: { "Set-Cookie": serializeClearedSessionCookie({ secure: appConfig().https }) },
  });
}

/** Only a session that passed the password and still owes its second factor may be here. */
export async function requirePendingSecondFactor(request: Request): Promise<Auth> {
  const auth = await getAuth(request);
  if (!auth) throw redirect("/sign-in");
  if (!owesSecondFactor(auth)) throw redirect(homePathFor(auth));
  return auth;
}

export function forbidden(message = "You do not have permission to do this."): never {
  throw refusal(403, message);
}

export function notFound(message = "If you typed the web address, check it is correct."): never {
  throw refusal(404, message);
}

/** Parses a numeric route id; anything else is simply a page that does not exist. */
export function routeId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id)) notFound();
  return id;
}

/**
 * An organisation the person may read, at least as far as its submitted
 * returns (`readsDrafts` says whether they see its work in progress too). One
 * they may not read answers 404, as one that does not exist does, so ids
 * cannot be probed.
 */
export async function requireOrganisationReader(
  request: Request,
  organisationId: string | undefined,
): Promise<{ auth: Auth; organisation: OrganisationRow; readsDrafts: boolean }> {
  const auth = await requireUser(request);
  const organisation = await getOrganisation(getDb(), { id: routeId(organisationId) });
  if (!organisation || !canReadSubmittedReturns(auth.principal, organisation)) notFound();
  return {
    auth,
    organisation,
    readsDrafts: canReadOrganisation(auth.principal, organisation),
  };
}

/**
 * An organisation's month the person may read. A period of another system is
 * as absent as one that does not exist. A system reader asking for a month
 * that does not stand submitted is refused (403) in words: they may know the
 * organisation and the month exist, not read its work in progress.
 */
export async function requireSheetReader(
  request: Request,
  params: { organisationId?: string; periodId?: string },
) {
  const { auth, organisation, readsDrafts } = await requireOrganisationReader(
    request,
    params.organisationId,
  );
  const period = await getPeriod(getDb(), { id: routeId(params.periodId) });
  if (!period || period.system_id !== organisation.systemId) notFound();
  if (!readsDrafts) {
    const assessment = await getAssessment(getDb(), {
      organisationId: organisation.id,
      periodId: period.id,
    });
    const submitted = assessment?.status === "submitted";
    if (!canReadSheet(auth.principal, organisation, { submitted })) {
      forbidden(
        `${organisation.name} has not submitted ${period.label}. You can read a month once it is submitted.`,
      );
    }
  }
  return { auth, organisation, period, canEdit: canEditAssessment(auth.principal, organisation) };
}

/**
 * A past submission of an organisation, read by whoever may read its submitted
 * months (a submission is a month as it stood submitted, even if it has since
 * been reopened). A submission of another organisation, or one that does not
 * exist, answers 404 like an organisation the person may not read: no id leaks.
 */
export async function requireSubmissionReader(
  request: Request,
  params: { organisationId?: string; submissionId?: string },
) {
  const { auth, organisation } = await requireOrganisationReader(request, params.organisationId);
  if (!canReadSheet(auth.principal, organisation, { submitted: true })) notFound();
  const submission = await getSubmission(getDb(), {
    organisationId: organisation.id,
    submissionId: routeId(params.submissionId),
  });
  if (!submission) notFound();
  return { auth, organisation, submission };
}

/** As requireSheetReader, and the person must be the organisation's champion (else 403). */
export async function requireSheetEditor(
  request: Request,
  params: { organisationId?: string; periodId?: string },
) {
  const sheet = await requireSheetReader(request, params);
  if (!sheet.canEdit)
    forbidden("Only the organisation's champions can change its self-assessment.");
  return sheet;
}

/**
 * An organisation's own targets for its outcome measures (ADR 040): for its
 * champions; whoever else reads the organisation is refused (403).
 */
export async function requireTargetSetter(request: Request, organisationId: string | undefined) {
  const reader = await requireOrganisationReader(request, organisationId);
  if (!canSetOrganisationTarget(reader.auth.principal, reader.organisation))
    forbidden("Only the organisation's champions set its own targets.");
  return reader;
}

/** As requireSheetReader, and the person must be its place lead or an administrator (else 403). */
export async function requireSheetReopener(
  request: Request,
  params: { organisationId?: string; periodId?: string },
) {
  const sheet = await requireSheetReader(request, params);
  if (!canReopenAssessment(sheet.auth.principal, sheet.organisation))
    forbidden("Only the place lead or an administrator can reopen a self-assessment.");
  return sheet;
}

/**
 * A place whose review queue the person works through: its steering group
 * and lead. The rest of its collaborative (administrators, system readers,
 * its champions) knows the place and is refused (403); to anyone else it
 * does not exist (404).
 */
export async function requirePlaceReviewer(request: Request, placeId: string | undefined) {
  const auth = await requireUser(request);
  const place = await getPlace(getDb(), { id: routeId(placeId) });
  if (!place || !canReadGoodPractice(auth.principal, place)) notFound();
  if (!canReviewPlace(auth.principal, place)) {
    forbidden("Only the place's steering group and its lead review its returns.");
  }
  return { auth, place };
}

export async function requirePlaceReader(request: Request, placeId: string | undefined) {
  const auth = await requireUser(request);
  const place = await getPlace(getDb(), { id: routeId(placeId) });
  if (!place || !canReadPlace(auth.principal, place)) notFound();
  return { auth, place };
}

/** A system whose roll-up the person may read; any other answers 404, as one that does not exist. */
export async function requireSystemRollupReader(request: Request, systemId: string | undefined) {
  const auth = await requireUser(request);
  const system = await getSystem(getDb(), { id: routeId(systemId) });
  if (!system || !canReadSystemRollup(auth.principal, system.id)) notFound();
  return { auth, system };
}

/** An administrator; the system they administer (the first, as one ICS per deployment today). */
export async function requireAdmin(request: Request): Promise<{ auth: Auth; systemId: number }> {
  const auth = await requireUser(request);
  const systemId = adminSystemIds(auth.principal)[0];
  if (systemId === undefined) forbidden();
  return { auth, systemId };
}

/**
 * A scope of the analysts' exports (a system, a place, an organisation) and how
 * far into it the person reads: every month, or only the submitted ones. One
 * they may not export answers 404, as one that does not exist does.
 */
export async function requireExportReader(
  request: Request,
  params: { scope?: string; scopeId?: string },
) {
  const auth = await requireUser(request);
  const db = getDb();
  const id = routeId(params.scopeId);
  let found: { name: string; systemId: number; reach: ReturnType<typeof exportReach> } & {
    organisations: ExportOrganisations;
  };
  if (params.scope === "systems") {
    const system = await getSystem(db, { id });
    if (!system) notFound();
    found = {
      name: system.name,
      systemId: system.id,
      organisations: { systemId: system.id },
      reach: exportReach(auth.principal, { kind: "system", systemId: system.id }),
    };
  } else if (params.scope === "places") {
    const place = await getPlace(db, { id });
    if (!place) notFound();
    found = {
      name: place.name,
      systemId: place.systemId,
      organisations: { placeId: place.id, systemId: place.systemId },
      reach: exportReach(auth.principal, { kind: "place", place }),
    };
  } else if (params.scope === "organisations") {
    const organisation = await getOrganisation(db, { id });
    if (!organisation) notFound();
    found = {
      name: organisation.name,
      systemId: organisation.systemId,
      organisations: { organisationId: organisation.id },
      reach: exportReach(auth.principal, { kind: "organisation", organisation }),
    };
  } else {
    notFound();
  }
  if (found.reach === null) notFound();
  return { auth, ...found, reach: found.reach };
}

/** Administrators and place leads: the people who invite others. */
export async function requirePeopleManager(request: Request): Promise<Auth> {
  const auth = await requireUser(request);
  if (!canManagePeople(auth.principal)) forbidden();
  return auth;
}

/** Starts a session and returns the Set-Cookie header value. A new token every time. */
export async function beginSession(args: { userId: number; twoFactorVerified: boolean }) {
  const config = appConfig();
  const token = generateSessionToken();
  const session = await createSession(getDb(), {
    token,
    userId: args.userId,
    now: new Date(),
    twoFactorVerified: args.twoFactorVerified,
    absoluteHours: config.session.absoluteHours,
  });
  return serializeSessionCookie(token, new Date(session.expires_at), { secure: config.https });
}

/** Ends this browser's session and returns the Set-Cookie header that clears it. */
export async function endSession(auth: Auth | null) {
  if (auth) await invalidateSession(getDb(), { sessionId: auth.session.id });
  return serializeClearedSessionCookie({ secure: appConfig().https });
}
